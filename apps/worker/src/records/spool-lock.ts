// One shipper per spool directory: two processes appending to and deleting from the same
// files would send records twice or lose them. The lock file holds the owner's pid; a lock
// whose process is gone (a crash) is taken over.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from '../runtime/is-process-alive.ts';
import { RecordShipperError } from './record-shipper-error.ts';

const LOCK_FILE = 'spool.lock';

export async function acquireSpoolLock(spoolDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(spoolDir, LOCK_FILE);
  await fs.mkdir(spoolDir, { recursive: true });

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });

      return () => fs.rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const owner = Number(await fs.readFile(lockPath, 'utf8').catch(() => ''));
    if (isProcessAlive(owner)) {
      throw new RecordShipperError('SPOOL_LOCKED', `${spoolDir} is in use by process ${owner}`);
    }
    await fs.rm(lockPath, { force: true });
  }

  throw new RecordShipperError('SPOOL_LOCKED', `${spoolDir}: could not take the lock`);
}
