// Mail validation: the size limit, on the bytes the data path actually counts, not on what
// the client declared (RFC 1870's SIZE= is a promise; checkMessageSize can test it early).
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

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
