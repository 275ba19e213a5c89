// One worker per directory (the record spool, the message hold): two would send records
// twice, or delete each other's messages. The lock file names its owner by host, pid and
// an id of the process's own, since neither pid nor host is enough alone: a container's
// worker is pid 1 after every restart, and workers in other containers sharing a volume
// have pids this one cannot see. The owner also renews the lock (touches the file) every
// LEASE_REFRESH_MS: a lock not renewed for LEASE_EXPIRY_MS has no live worker behind it,
// whatever now runs under its pid.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from './is-process-alive.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-dir.ts';

export const LEASE_REFRESH_MS = 10_000;
export const LEASE_EXPIRY_MS = 60_000;
// This process, among all that ever had its pid.
const INSTANCE = randomUUID();

interface TLockOwner {
  pid: number;
  host: string;
  instance: string;
}

export interface TDirectoryLockOptions {
  fileName: string;
  // The error to throw when another live worker holds the lock.
  refuse: (message: string) => Error;
  refreshMs?: number;
}

/** Takes the lock or throws `refuse(...)`; resolves to the function that releases it. */
export async function acquireDirectoryLock(
  dir: string,
  options: TDirectoryLockOptions,
): Promise<() => Promise<void>> {
  const lockPath = path.join(dir, options.fileName);
  const owner: TLockOwner = { pid: process.pid, host: os.hostname(), instance: INSTANCE };
  await ensurePrivateDir(dir);

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const flags = { flag: 'wx', mode: PRIVATE_FILE_MODE };
      await fs.writeFile(lockPath, JSON.stringify(owner), flags);

      return holdLease(lockPath, options.refreshMs ?? LEASE_REFRESH_MS);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const holder = await readHolder(lockPath);
    if (holder.isLive) throw options.refuse(`${dir} is in use by ${holder.description}`);
    await fs.rm(lockPath, { force: true });
  }

  throw options.refuse(`${dir}: could not take the lock`);
}

function holdLease(lockPath: string, refreshMs: number): () => Promise<void> {
  const refresh = setInterval(() => {
    const now = new Date();
    fs.utimes(lockPath, now, now).catch(() => undefined);
  }, refreshMs);
  refresh.unref();

  return async () => {
    clearInterval(refresh);
    await fs.rm(lockPath, { force: true });
  };
}

async function readHolder(lockPath: string): Promise<{ isLive: boolean; description: string }> {
  const [text, stats] = await Promise.all([
    fs.readFile(lockPath, 'utf8').catch(() => ''),
    fs.stat(lockPath).catch(() => null),
  ]);
  const holder = parseOwner(text);
  if (!holder) return { isLive: false, description: 'nobody' };

  const age = stats ? Date.now() - stats.mtimeMs : Infinity;
  // An older release wrote no instance and never renewed: only its pid can tell.
  const isRenewed = age < LEASE_EXPIRY_MS || holder.instance === '';
  const lapse = `its lock lapses ${LEASE_EXPIRY_MS / 1000} s after it last renewed it`;
  const description = `process ${holder.pid} on ${holder.host}; ${lapse}`;
  if (holder.host !== os.hostname()) return { isLive: isRenewed, description };
  if (holder.pid === process.pid) return { isLive: holder.instance === INSTANCE, description };

  return { isLive: isRenewed && isProcessAlive(holder.pid), description };
}

// An older release wrote the bare pid.
function parseOwner(text: string): TLockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), host: os.hostname(), instance: '' };

  try {
    const parsed = JSON.parse(trimmed) as Partial<TLockOwner>;
    const { pid, host, instance } = parsed;
    if (typeof pid !== 'number' || typeof host !== 'string') return null;

    return { pid, host, instance: typeof instance === 'string' ? instance : '' };
  } catch {
    return null;
  }
}
