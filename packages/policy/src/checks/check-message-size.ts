// Mail validation: the size limit, on the bytes the data path actually counts, not on what
// the client declared (RFC 1870's SIZE= is a promise; checkMessageSize can test it early).
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

export interface TSizeMeter {
  /**
   * Counts a chunk of message data (or a byte count). Once the total is over the limit it
   * returns the violation on every call: stop forwarding, drain the rest and reply 552 at
   * the end of data (RFC 5321 4.5.3.1.10 / RFC 1870 6).
   */
  add(chunk: Uint8Array | number): TViolationFound | null;
  readonly bytes: number;
}

export function checkMessageSize(
  bytes: number,
  settings: TValidationSettings,
): TViolationFound | null {
  if (bytes <= settings.maxMessageBytes) return null;

  return {
    violation: 'message_too_large',
    detail: `${bytes} bytes, limit ${settings.maxMessageBytes}`,
  };
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
