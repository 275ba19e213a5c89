import { ERROR_CODES, type TErrorCode } from '@portcullis/contracts';

type TAppErrorOptions = {
  // The request field at fault, as a dotted path (`members.0.address`).
  field?: string;
  cause?: unknown;
};

/**
 * The one error type of the API. Domain functions throw it instead of returning
 * null; the central error handler turns it into `{ error: { code, message, field } }`
 * with the status that ERROR_CODES assigns to the code. The message is shown to
 * people, so it says what to change.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly statusCode: number;
  readonly field: string | undefined;

  constructor(code: TErrorCode, message: string, options: TAppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERROR_CODES[code];
    this.field = options.field;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
