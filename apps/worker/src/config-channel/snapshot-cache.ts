import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { TSnapshot } from '@portcullis/contracts';

const CACHE_FILE = 'snapshot.json';

/** The cached snapshot as stored, or null when there is none. Not validated here. */
export async function readCachedSnapshot(stateDir: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(stateDir, CACHE_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;

    throw error;
  }
}

/**
 * Stores the last good snapshot atomically: a temporary file, flushed to disk, then
 * renamed over the old one, so a crash mid-write never leaves a torn cache.
 */
export async function writeCachedSnapshot(stateDir: string, snapshot: TSnapshot): Promise<void> {
  await mkdir(stateDir, { recursive: true });
  const target = path.join(stateDir, CACHE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;

  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(JSON.stringify(snapshot));
    await file.sync();
  } finally {
    await file.close();
  }

  await rename(temporary, target);
}
