import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { CatalogCharClient } from './catalog-char-client.ts';
import { DbError } from './db-error.ts';
import type { DbLogger } from './db-logger.ts';
import { unrefEngineTimers } from './unref-engine-timers.ts';

export interface TOpenSchemaEngineOptions {
  databaseUrl: string;
  /**
   * A database the engine may use as its shadow database, which it fills and
   * empties at will. Only `diff` from migrations needs one. Left unset, asking for
   * a shadow database fails instead of creating one.
   */
  shadowDatabaseUrl?: string;
  /** Prisma schema files as [path, content], for commands that read the schema. */
  datamodels?: [string, string][];
  logger: DbLogger;
}

export interface TSchemaEngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

// Our own pools, rather than PrismaPg's: we end them when done, so no idle
// connection keeps the process alive; and PrismaPg's own shadow database helper
// (7.10) connects to the main database when given a connection string, and drops
// its shadow database while its pool still holds a connection to it.
class OwnPoolsPg extends PrismaPg {
  readonly #shadowPool: pg.Pool | null;

  constructor(pool: pg.Pool, shadowPool: pg.Pool | null) {
    super(pool);
    this.#shadowPool = shadowPool;
  }

  override async connectToShadowDb() {
    if (!this.#shadowPool) throw new Error('no shadow database was provided');

    return new PrismaPg(this.#shadowPool).connect();
  }
}

function createPool(connectionString: string, logger: DbLogger): pg.Pool {
  const pool = new pg.Pool({ connectionString, Client: CatalogCharClient, max: 2 });
  // An idle connection dropping must not crash the process; the engine's next
  // query reports the trouble.
  pool.on('error', (err) => logger.warn({ err }, 'schema engine connection lost'));

  return pool;
}

async function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  try {
    return (await import('@prisma/schema-engine-wasm')).SchemaEngine;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;

    throw new DbError(
      'WASM_MODULES_DISABLED',
      'the schema engine needs node --experimental-wasm-modules',
      { cause: error },
    );
  }
}

// The engine logs JSON lines: {"level":"INFO","fields":{"message":...},"target":...}.
function forwardEngineLog(logger: DbLogger, line: unknown): void {
  let entry: { level?: string; fields?: Record<string, unknown>; target?: string };
  try {
    entry = JSON.parse(String(line)) as typeof entry;
  } catch {
    entry = { fields: { message: String(line) } };
  }
  const { message, ...fields } = entry.fields ?? {};
  const level = entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' ? 'warn' : 'debug';

  logger[level]({ ...fields, target: entry.target }, `schema engine: ${String(message)}`);
}

/** Starts the WebAssembly schema engine on a database. Call close() when done. */
export async function openSchemaEngine(
  options: TOpenSchemaEngineOptions,
): Promise<TSchemaEngineHandle> {
  const SchemaEngineClass = await loadSchemaEngine();
  const { logger } = options;
  const pool = createPool(options.databaseUrl, logger);
  const shadowUrl = options.shadowDatabaseUrl;
  const shadowPool = shadowUrl ? createPool(shadowUrl, logger) : null;
  const adapter = bindMigrationAwareSqlAdapterFactory(new OwnPoolsPg(pool, shadowPool));
  const releaseTimers = unrefEngineTimers();
  const endPools = async () => {
    releaseTimers();
    await Promise.all([pool.end(), shadowPool?.end()]);
  };

  try {
    const engine = await SchemaEngineClass.new(
      { datamodels: options.datamodels },
      (line: unknown) => forwardEngineLog(logger, line),
      adapter,
    );
    const close = async () => {
      engine.free();
      await endPools();
    };

    return { engine, close };
  } catch (error) {
    await endPools();
    throw error;
  }
}
