import { DbError } from './db-error.ts';
import type { DbLogger } from './db-logger.ts';
import { openSchemaEngine } from './open-schema-engine.ts';
import { MIGRATIONS_DIR } from './paths.ts';
import { redactUrl } from './pg-url.ts';
import { readMigrations } from './read-migrations.ts';
import { withAdvisoryLock } from './with-advisory-lock.ts';

// Ours alone. The engine takes its own lock (72707369) with a short timeout;
// holding that same key here would deadlock against it, so we queue on another.
const MIGRATION_LOCK_KEY = 0x50434d47; // "PCMG"

export interface TApplyMigrationsOptions {
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

/**
 * Applies every migration in prisma/migrations that the database has not seen,
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does.
 * Idempotent; concurrent callers wait for each other. Returns the names applied.
 */
export async function applyMigrations(
  databaseUrl: string,
  logger: DbLogger,
  options: TApplyMigrationsOptions = {},
): Promise<string[]> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const migrationsList = await readMigrations(migrationsDir);
  const filters = { externalTables: [], externalEnums: [] };

  const applied = await withAdvisoryLock(databaseUrl, MIGRATION_LOCK_KEY, async () => {
    const { engine, close } = await openSchemaEngine({ databaseUrl, logger });
    try {
      return (await engine.applyMigrations({ migrationsList, filters })).appliedMigrationNames;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DbError('MIGRATION_FAILED', message, { cause: error });
    } finally {
      await close();
    }
  });

  const fields = { database: redactUrl(databaseUrl), applied };
  logger.info(fields, applied.length ? 'migrations applied' : 'migrations up to date');

  return applied;
}
