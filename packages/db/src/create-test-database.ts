import { applyMigrations } from './apply-migrations.ts';
import { createScratchDatabase, type TScratchDatabase } from './create-scratch-database.ts';
import { type DbLogger, SILENT_LOGGER } from './db-logger.ts';

const DEFAULT_ADMIN_URL = 'postgresql://root@127.0.0.1:5432/postgres';

export interface TCreateTestDatabaseOptions {
  /** Defaults to TEST_DATABASE_ADMIN_URL, then the local server's `postgres`. */
  adminUrl?: string;
  logger?: DbLogger;
}

/**
 * For tests: a fresh, migrated database of its own on the machine's Postgres.
 * Call drop() when done (in an `after` hook), even if the test failed.
 */
export async function createTestDatabase(
  options: TCreateTestDatabaseOptions = {},
): Promise<TScratchDatabase> {
  const adminUrl =
    options.adminUrl ?? process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const scratch = await createScratchDatabase(adminUrl, 'portcullis_test');

  try {
    await applyMigrations(scratch.databaseUrl, options.logger ?? SILENT_LOGGER);
  } catch (error) {
    await scratch.drop();
    throw error;
  }

  return scratch;
}
