/**
 * The error every fetcher throws for a non-2xx answer. `code` is one of the API's
 * stable codes (packages/contracts/src/errors.ts), or UNREACHABLE when no answer came
 * at all; `field` is a dotted path into the request body such as `members.0.address`.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  // How long the API asks the caller to wait (429 TOO_MANY_ATTEMPTS), when it says.
  retryAfterS: number | undefined;

  constructor(code: string, message: string, status: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
    this.retryAfterS = undefined;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message a person can act on, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;

  return 'Something went wrong.';
}
