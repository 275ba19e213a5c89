import { z } from 'zod';

/**
 * Stable error codes of the REST API. Each is defined once and never reused.
 *
 * - VALIDATION_FAILED (400): the body, query or path did not match the schema;
 *   `field` names the first offending field. Fix the field and retry.
 * - INVALID_REFERENCE (400): a field names an object that does not exist (a pool,
 *   a profile). Create it first or pick another.
 * - UNAUTHENTICATED (401): no valid session or token (missing, expired, revoked). Sign in.
 * - INVALID_CREDENTIALS (401): sign-in refused; the same for an unknown user, a wrong
 *   password and a disabled account, so the reply tells nobody which names exist.
 * - FORBIDDEN (403): the caller's role may not do this.
 * - CSRF_TOKEN_INVALID (403): a write with the session cookie lacked the session's
 *   `x-csrf-token` header. Send the csrfToken from sign-in or GET /auth/session.
 * - ROLE_TOO_HIGH (403): an API token may not carry a role above its creator's.
 * - NOT_FOUND (404): no object with that id.
 * - NAME_TAKEN (409): another object of this kind has that name. Pick another.
 * - IN_USE (409): the object is referenced; `message` names what uses it. Change
 *   or delete those first.
 * - SYSTEM_OBJECT (409): system-supplied objects (the `smtp` profile) cannot be
 *   deleted or renamed.
 * - CONFLICT (409): the request conflicts with the current state in another way.
 * - LAST_ADMINISTRATOR (409): the change would leave no enabled administrator.
 * - SELF (409): an administrator cannot delete their own account.
 * - TOO_MANY_ATTEMPTS (429): too many failed sign-ins for the account or the address;
 *   wait the seconds in the Retry-After header.
 * - INTERNAL (500): a fault on our side; the body stays generic, details are logged.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  INVALID_REFERENCE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  ROLE_TOO_HIGH: 403,
  NOT_FOUND: 404,
  NAME_TAKEN: 409,
  IN_USE: 409,
  SYSTEM_OBJECT: 409,
  CONFLICT: 409,
  LAST_ADMINISTRATOR: 409,
  SELF: 409,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type TApiError = z.infer<typeof ZApiError>;
