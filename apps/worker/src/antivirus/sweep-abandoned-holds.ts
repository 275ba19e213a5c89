// A worker that crashed mid-scan leaves its held messages on disk: copies of mail that was
// never acknowledged (the client retries it), which nobody else will delete. At start the
// worker removes every hold file in its hold directory whose process is gone.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TLogger } from '../logging/create-logger.ts';
import { isProcessAlive } from '../runtime/is-process-alive.ts';
import { HOLD_FILE_NAME } from './message-hold.ts';

export interface TSweptHolds {
  files: number;
  bytes: number;
}

export async function sweepAbandonedHolds(dir: string, logger: TLogger): Promise<TSweptHolds> {
  const swept = { files: 0, bytes: 0 };
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const owner = HOLD_FILE_NAME.exec(name)?.[1];
    // A live owner may be another worker sharing the directory, or this process.
    if (!owner || isProcessAlive(Number(owner))) continue;

    const file = path.join(dir, name);
    const size = await stat(file).then((stats) => stats.size, () => 0);
    try {
      await rm(file);
      swept.files += 1;
      swept.bytes += size;
    } catch (error) {
      logger.warn({ file, err: error }, 'abandoned hold file could not be removed');
    }
  }
  if (swept.files > 0) logger.warn({ dir, ...swept }, 'removed hold files left by a stopped worker');

  return swept;
}
