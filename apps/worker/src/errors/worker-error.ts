/**
 * Stable error codes of the worker. Each is defined once and never reused; logs
 * carry the code so an operator can grep for it.
 *
 * - CONFIG_INVALID: an environment variable is missing or malformed at boot. The
 *   message names it; fix the environment and restart.
 * - SNAPSHOT_INVALID: a configuration snapshot failed validation. It is rejected
 *   and the worker keeps serving the last good one; fix the API side.
 * - API_UNREACHABLE: the API did not answer or answered with an error status. The
 *   worker keeps serving and retries; check the API and the shared secret.
 * - BACKEND_CONNECT_FAILED: a pool member refused, timed out or greeted with an
 *   error. The member is marked down and the next one is tried.
 * - BACKEND_TIMEOUT: a pool member did not answer a command in time. The
 *   connection is dropped and the transaction fails with a temporary reply.
 * - BACKEND_CLOSED: a pool member closed the connection or it broke. As above.
 * - BACKEND_PROTOCOL: a pool member answered something that is not SMTP.
 * - SMTP_LIBRARY_CHANGED: smtp-server no longer has the internals the worker
 *   patches. Pin smtp-server or update src/smtp/patch-smtp-server.ts.
 * - STATE_DIR_LOCKED: another live worker uses this state directory. Give each
 *   worker its own PORTCULLIS_STATE_DIR.
 */
export const WORKER_ERROR_CODES = [
  'CONFIG_INVALID',
  'SNAPSHOT_INVALID',
  'API_UNREACHABLE',
  'BACKEND_CONNECT_FAILED',
  'BACKEND_TIMEOUT',
  'BACKEND_CLOSED',
  'BACKEND_PROTOCOL',
  'SMTP_LIBRARY_CHANGED',
  'STATE_DIR_LOCKED',
] as const;

export type TWorkerErrorCode = (typeof WORKER_ERROR_CODES)[number];

export class WorkerError extends Error {
  readonly code: TWorkerErrorCode;

  constructor(code: TWorkerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'WorkerError';
    this.code = code;
  }
}

export function isWorkerError(error: unknown, code?: TWorkerErrorCode): error is WorkerError {
  return error instanceof WorkerError && (code === undefined || error.code === code);
}
