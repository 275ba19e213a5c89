// Takes the client's message into a hold through the profile's data checks, to the end of
// its data. A refused or oversized message is read to the end and dropped, so the client
// gets its reply after the data, as RFC 5321 4.2.5 has it.
import type { TMessageFilter } from '../relay/message-filter.ts';
import type { TMessageSource } from '../relay/write-message.ts';
import type { MessageHold } from './message-hold.ts';

export type THoldOutcome =
  | { kind: 'held' }
  | { kind: 'refused' | 'too_large' | 'client_gone' }
  // The hold itself failed (a full disk): the message cannot be kept for its scan.
  | { kind: 'hold_failed'; error: Error };

export async function holdMessage(
  source: TMessageSource,
  filter: TMessageFilter | null,
  hold: MessageHold,
): Promise<THoldOutcome> {
  let outcome: THoldOutcome = { kind: 'held' };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (outcome.kind !== 'held') continue;

      const passed = filter ? filter.push(chunk) : chunk;
      if (!passed) outcome = { kind: 'refused' };
      else if (source.sizeExceeded) outcome = { kind: 'too_large' };
      else outcome = await append(hold, passed);
    }
  } catch {
    // smtp-server destroys the stream when the client leaves before the end of data.
    return { kind: 'client_gone' };
  }

  return outcome.kind === 'held' && source.sizeExceeded ? { kind: 'too_large' } : outcome;
}

async function append(hold: MessageHold, chunk: Buffer): Promise<THoldOutcome> {
  try {
    await hold.append(chunk);

    return { kind: 'held' };
  } catch (error) {
    return { kind: 'hold_failed', error: error as Error };
  }
}
