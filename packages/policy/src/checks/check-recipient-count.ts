// Mail validation: recipients per transaction. RFC 5321 4.5.3.1.8 requires room for at least
// 100; the profile may set fewer, and the client sends the rest in a new transaction.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

/** `count` is the number of recipients including the one being offered. */
export function checkRecipientCount(
  count: number,
  settings: TValidationSettings,
): TViolationFound | null {
  if (count <= settings.maxRecipients) return null;

  return {
    violation: 'too_many_recipients',
    detail: `recipient ${count} of a transaction, limit ${settings.maxRecipients}`,
  };
}
