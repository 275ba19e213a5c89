// What a check returns: null when nothing is wrong, a violation for the profile's actions to
// decide on, or a temporary failure that is nobody's fault and always answers 4xx.
import type { TViolation } from '@portcullis/contracts';

export interface TViolationFound {
  violation: TViolation;
  /** For the record's note and the logs; may quote client input, never goes on the wire. */
  detail: string;
  /** When a retry could succeed: greylisting, rate limits, a harvest block. */
  retryAfterSeconds?: number;
}

/**
 * A check could not decide. The caller answers with TEMPORARY_REPLIES[temporary] whatever the
 * profile's actions are, and records no violation: the client did nothing wrong.
 */
export interface TTemporaryFailure {
  temporary: TTemporaryReason;
  detail: string;
}

/**
 * - dns_unavailable: a DNS lookup timed out or the server failed (SERVFAIL, REFUSED).
 * - counters_unavailable: the shared counter store (Redis) did not answer in time.
 */
export type TTemporaryReason = 'dns_unavailable' | 'counters_unavailable';

export type TCheckResult = TViolationFound | TTemporaryFailure | null;

export function isTemporaryFailure(result: TCheckResult): result is TTemporaryFailure {
  return result !== null && 'temporary' in result;
}

export function isViolationFound(result: TCheckResult): result is TViolationFound {
  return result !== null && 'violation' in result;
}
