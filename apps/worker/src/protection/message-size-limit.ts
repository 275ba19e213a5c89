// The SIZE the gateway offers and enforces on the data itself (RFC 1870).
import { isBlocking } from '@portcullis/policy';
import type { TProfilePolicy } from './profile-policy.ts';

// When Protocol Security is off, or the profile lets big mail through: generous enough
// for any ordinary mail, small enough that a runaway client is stopped.
export const PASS_THROUGH_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * A profile that blocks oversized mail offers its own limit; one that only alarms, or
 * skips the check, lets mail up to the gateway's own limit through.
 */
export function maxMessageBytes(policy: TProfilePolicy | null): number {
  if (!policy) return PASS_THROUGH_MAX_MESSAGE_BYTES;

  const limit = policy.settings.validation.maxMessageBytes;
  if (isBlocking(policy.decisions.message_too_large)) return limit;

  return Math.max(limit, PASS_THROUGH_MAX_MESSAGE_BYTES);
}
