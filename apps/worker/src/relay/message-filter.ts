import type { TPolicyReply } from '../policy/verdicts.ts';

/**
 * Looks at the message on its way to the member, chunk by chunk (after smtp-server has
 * found the end of data and removed the client's dot-stuffing).
 */
export interface TMessageFilter {
  /** The bytes to relay for this chunk, or null: the message is refused, relay no more. */
  push(chunk: Buffer): Buffer | null;
  /** Set once push() has returned null: the reply for the client, after its data. */
  readonly refusal: TPolicyReply | null;
}
