/**
 * Stable error codes of the policy package. Each is defined once and never reused.
 *
 * - COUNTERS_UNAVAILABLE: the counter store did not answer (Redis down, slow or refusing).
 *   Checks catch it and fail open or closed as their module says; callers of the store
 *   itself should treat it as transient.
 * - INVALID_CLIENT_ADDRESS: a check was given a client address that is not an IP address.
 *   A caller bug; pass the socket's remote address.
 */
export const POLICY_ERROR_CODES = ['COUNTERS_UNAVAILABLE', 'INVALID_CLIENT_ADDRESS'] as const;

export type TPolicyErrorCode = (typeof POLICY_ERROR_CODES)[number];

export class PolicyError extends Error {
  readonly code: TPolicyErrorCode;

  constructor(code: TPolicyErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'PolicyError';
    this.code = code;
  }
}
