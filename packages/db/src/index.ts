// @portcullis/db: the Prisma client, migrations, seeding and the embedded server.
export * from './generated/prisma/client.ts';

export { applyMigrations, type TApplyMigrationsOptions } from './apply-migrations.ts';
export { createPrismaClient, type TPoolOptions } from './create-prisma-client.ts';
export { type TScratchDatabase } from './create-scratch-database.ts';
export { createTestDatabase, type TCreateTestDatabaseOptions } from './create-test-database.ts';
export { DbError, type TDbErrorCode } from './db-error.ts';
export { type DbLogger, SILENT_LOGGER, type TLogFn } from './db-logger.ts';
export {
  DATABASE_NAME,
  DEFAULT_EMBEDDED_PORT,
  startEmbeddedPostgres,
  type TDatabaseHandle,
  type TStartEmbeddedPostgresOptions,
} from './embedded/start-embedded-postgres.ts';
export {
  INTERNAL_PARAMETER_DEFAULTS,
  type TInternalParameterDefault,
} from './internal-parameters.ts';
export { MIGRATIONS_DIR, SCHEMA_PATH } from './paths.ts';
export { resolveDatabase, type TResolveDatabaseOptions } from './resolve-database.ts';
export {
  SYSTEM_SECURITY_PROFILE,
  SYSTEM_SERVICE_PROFILE,
  seedSystemObjects,
  type TSeedResult,
  type TSystemDefaults,
} from './seed-system-objects.ts';
