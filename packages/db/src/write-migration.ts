import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCKFILE_CONTENT } from './read-migrations.ts';

export interface TWriteMigrationOptions {
  migrationsDir: string;
  /** Free text; reduced to lower-case letters, digits and underscores. */
  name: string;
  sql: string;
  now?: Date;
}

// 20250131235959, the UTC form `prisma migrate dev` uses, so names sort by time.
function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function slug(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!cleaned) throw new Error(`migration name "${name}" has no letters or digits`);

  return cleaned;
}

/**
 * Writes `<timestamp>_<name>/migration.sql` and, if missing, migration_lock.toml.
 * Refuses to overwrite an existing migration directory. Returns the directory name.
 */
export async function writeMigration(options: TWriteMigrationOptions): Promise<string> {
  const dirName = `${timestamp(options.now ?? new Date())}_${slug(options.name)}`;
  const dir = path.join(options.migrationsDir, dirName);
  await mkdir(options.migrationsDir, { recursive: true });
  await mkdir(dir);

  await writeFile(path.join(dir, 'migration.sql'), options.sql, { flag: 'wx' });
  await writeFile(path.join(options.migrationsDir, 'migration_lock.toml'), LOCKFILE_CONTENT, {
    flag: 'wx',
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });

  return dirName;
}
