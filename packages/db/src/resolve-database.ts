import type { DbLogger } from './db-logger.ts';
import {
  startEmbeddedPostgres,
  type TDatabaseHandle,
} from './embedded/start-embedded-postgres.ts';
import { redactUrl } from './pg-url.ts';

export interface TResolveDatabaseOptions {
  /** Validated configuration; only DATABASE_URL is read. */
  env: { DATABASE_URL?: string | undefined };
  /** Where the embedded cluster lives when DATABASE_URL is unset. */
  dataDir: string;
  /** Port of the embedded server; defaults to 54329. */
  port?: number;
  logger: DbLogger;
}

/**
 * The database to use: DATABASE_URL when given (stop() then does nothing, the
 * server is not ours), otherwise an embedded Postgres in `dataDir`.
 */
export async function resolveDatabase(options: TResolveDatabaseOptions): Promise<TDatabaseHandle> {
  const { env, logger } = options;
  if (env.DATABASE_URL) {
    logger.info({ database: redactUrl(env.DATABASE_URL) }, 'using external database');

    return { databaseUrl: env.DATABASE_URL, stop: async () => undefined };
  }

  return startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, logger });
}
