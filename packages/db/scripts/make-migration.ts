// Writes prisma/migrations/<timestamp>_<name>/migration.sql holding the SQL that
// takes a database from the existing migrations to the current Prisma schema.
// Offline: the WebAssembly schema engine replays the migrations into a scratch
// database it creates on MIGRATION_ADMIN_URL (or TEST_DATABASE_ADMIN_URL, or the
// local server) and drops again.
//
//   npm run migration:new -w @portcullis/db -- <name>
import { createScratchDatabase } from '../src/create-scratch-database.ts';
import type { DbLogger, TLogFn } from '../src/db-logger.ts';
import { diffMigrations } from '../src/diff-migrations.ts';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../src/paths.ts';
import { writeMigration } from '../src/write-migration.ts';

const DEFAULT_ADMIN_URL = 'postgresql://root@127.0.0.1:5432/postgres';

// A command-line tool: one readable line per event on stderr, engine chatter hidden.
const print =
  (level: string): TLogFn =>
  (fields, message) =>
    process.stderr.write(`${level} ${message} ${JSON.stringify(fields)}\n`);
const logger: DbLogger = {
  debug: () => undefined,
  info: print('info'),
  warn: print('warn'),
  error: print('error'),
};

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name) {
    process.stderr.write('usage: make-migration.ts <name>\n');

    return 64;
  }
  const adminUrl =
    process.env.MIGRATION_ADMIN_URL ?? process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const scratch = await createScratchDatabase(adminUrl, 'portcullis_migration');

  try {
    const sql = await diffMigrations({
      scratchUrl: scratch.databaseUrl,
      migrationsDir: MIGRATIONS_DIR,
      schemaPath: SCHEMA_PATH,
      logger,
    });
    if (sql === null) {
      logger.info({}, 'schema matches the migrations; nothing written');

      return 0;
    }
    const dirName = await writeMigration({ migrationsDir: MIGRATIONS_DIR, name, sql });
    logger.info({ migration: dirName }, 'migration written');

    return 0;
  } finally {
    await scratch.drop();
  }
}

process.exitCode = await main();
