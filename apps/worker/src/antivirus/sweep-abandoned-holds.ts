// A worker that crashed mid-scan leaves its held messages on disk: copies of mail that was
// never acknowledged (the client retries it), which nobody else will delete. At start the
// worker removes them: in a hold directory of its own (locked), every hold file there; in a
// shared one (the system's temporary directory), those whose process is gone.
import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TLogger } from '../logging/create-logger.ts';
import { isProcessAlive } from '../runtime/is-process-alive.ts';
import { HOLD_FILE_NAME } from './message-hold.ts';

export interface TSweptHolds {
  files: number;
  bytes: number;
}

export interface TSweepOptions {
  // The directory is this worker's alone: nothing in it can be another's message in flight.
  isOwnDir: boolean;
}

export async function sweepAbandonedHolds(
  dir: string,
  logger: TLogger,
  options: TSweepOptions,
): Promise<TSweptHolds> {
  const swept = { files: 0, bytes: 0 };
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const owner = HOLD_FILE_NAME.exec(name)?.[1];
    if (!owner) continue;
    // In a shared directory a live owner may be another worker, or this process.
    if (!options.isOwnDir && isProcessAlive(Number(owner))) continue;

    const file = path.join(dir, name);
    // lstat: a link's own size, and nothing but files and links is touched.
    const stats = await lstat(file).catch(() => null);
    if (!stats || !(stats.isFile() || stats.isSymbolicLink())) continue;
    try {
      await rm(file);
      swept.files += 1;
      swept.bytes += stats.isFile() ? stats.size : 0;
    } catch (error) {
      logger.warn({ file, err: error }, 'abandoned hold file could not be removed');
    }
  }
  if (swept.files > 0) logger.warn({ dir, ...swept }, 'removed hold files left by a stopped worker');

  return swept;
}
