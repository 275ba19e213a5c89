import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type TClusterState = 'cluster' | 'empty' | 'foreign';

/**
 * What the data directory holds: a cluster (PG_VERSION is the last file initdb
 * is known by), nothing (missing or empty folder), or something else.
 */
export async function getClusterState(dataDir: string): Promise<TClusterState> {
  const hasVersion = await stat(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (hasVersion) return 'cluster';
  const entries = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });

  return entries.length ? 'foreign' : 'empty';
}
