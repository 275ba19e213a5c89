// Mail validation: counts the message bytes the data path actually receives, chunk by chunk.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';
import { checkMessageSize } from './check-message-size.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

export interface TSizeMeter {
  /**
   * Counts a chunk of message data (or a byte count). Once the total is over the limit it
   * returns the violation on every call: stop forwarding, drain the rest and reply 552 at
   * the end of data (RFC 5321 4.5.3.1.9 "552 Too much mail data", RFC 1870 6).
   */
  add(chunk: Uint8Array | number): TViolationFound | null;
  readonly bytes: number;
}

export function createSizeMeter(settings: TValidationSettings): TSizeMeter {
  let bytes = 0;

  return {
    add(chunk) {
      bytes += typeof chunk === 'number' ? chunk : chunk.byteLength;

      return checkMessageSize(bytes, settings);
    },
    get bytes() {
      return bytes;
    },
  };
}
