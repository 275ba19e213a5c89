// The end of a message's relay: the member's reply mirrored to the client (or the refusal),
// and an accepted message counted in the minute's traffic.
import type { SMTPServerSession } from 'smtp-server';
import type { TRecordSink } from '../records/record-sink.ts';
import type { TTrafficKey } from '../records/traffic-aggregator.ts';
import type { TRelayOutcome } from '../relay/relay-session.ts';
import { isPositive, mirroredText } from './reply-errors.ts';
import { answer } from './session-replies.ts';
import type { TSessionState } from './session-state.ts';

export type TCallback = (error?: Error | null, message?: string) => void;

export interface TDataHandlerOptions {
  hostname: string;
  records: TRecordSink;
  traffic: TTrafficKey;
}

/** The member's verdict to the client; an accepted message counts in the traffic. */
export function answerRelayed(
  options: TDataHandlerOptions,
  state: TSessionState,
  session: SMTPServerSession,
  outcome: TRelayOutcome,
  bytes: number,
  cb: TCallback,
): void {
  if (!outcome.reply || !isPositive(outcome.reply)) return cb(answer(state, outcome));

  const recipients = session.envelope.rcptTo.length;
  state.messages += 1;
  state.bytes += bytes;
  options.records.addTraffic(options.traffic, { messages: 1, bytes, recipients });
  cb(null, mirroredText(outcome.reply));
}
