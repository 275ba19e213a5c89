/**
 * Errors thrown by @portcullis/db. All of them happen at start-up or in tooling,
 * never per request, so the caller's usual move is to log the error and exit.
 *
 * - DATA_DIR_IN_USE: a live Postgres server, started by another running process,
 *   already owns the embedded data directory. Stop that process or pick another
 *   directory.
 * - DATA_DIR_NOT_A_CLUSTER: the embedded data directory is not empty but holds no
 *   Postgres cluster. Point it at an empty or missing directory.
 * - DATA_DIR_UNREACHABLE: running as root, Postgres runs as the `postgres` user,
 *   which cannot enter a parent folder of the data directory. Make it searchable
 *   (`chmod o+x`) or choose another place.
 * - CLUSTER_PASSWORD_MISSING: the cluster exists but its password file is gone.
 *   Restore the file or start over with an empty data directory.
 * - EMBEDDED_START_FAILED: the embedded server exited or did not become ready
 *   (port taken, damaged cluster). The message carries its last log lines.
 * - WASM_MODULES_DISABLED: the process runs without `--experimental-wasm-modules`,
 *   which the schema engine needs. Add the flag to the node command line.
 * - MIGRATION_FAILED: the schema engine refused or failed a migration. The
 *   database is as the last successful migration left it; fix and redeploy.
 */
export type TDbErrorCode =
  | 'DATA_DIR_IN_USE'
  | 'DATA_DIR_NOT_A_CLUSTER'
  | 'DATA_DIR_UNREACHABLE'
  | 'CLUSTER_PASSWORD_MISSING'
  | 'EMBEDDED_START_FAILED'
  | 'WASM_MODULES_DISABLED'
  | 'MIGRATION_FAILED';

export class DbError extends Error {
  override readonly name = 'DbError';
  readonly code: TDbErrorCode;

  constructor(code: TDbErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
