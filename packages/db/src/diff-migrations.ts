import { readFile } from 'node:fs/promises';
import type { DbLogger } from './db-logger.ts';
import { openSchemaEngine } from './open-schema-engine.ts';
import { readMigrations } from './read-migrations.ts';

export interface TDiffMigrationsOptions {
  /** An empty database we own; the engine replays the migrations into it. */
  scratchUrl: string;
  migrationsDir: string;
  schemaPath: string;
  logger: DbLogger;
}

// With exitCode set, the engine answers 2 when the two sides differ.
const EXIT_CODE_CHANGED = 2;

/**
 * The SQL that takes a database from the state the existing migrations leave it
 * in to the state the Prisma schema describes; null when they already agree.
 */
export async function diffMigrations(options: TDiffMigrationsOptions): Promise<string | null> {
  const schema = await readFile(options.schemaPath, 'utf8');
  const migrationsList = await readMigrations(options.migrationsDir);
  const { engine, close } = await openSchemaEngine({
    databaseUrl: options.scratchUrl,
    shadowDatabaseUrl: options.scratchUrl,
    datamodels: [[options.schemaPath, schema]],
    logger: options.logger,
  });

  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: options.schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });

    return result.exitCode === EXIT_CODE_CHANGED ? (result.stdout ?? '') : null;
  } finally {
    await close();
  }
}
