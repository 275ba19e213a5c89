import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { applyMigrations } from './apply-migrations.ts';
import { createScratchDatabase, type TScratchDatabase } from './create-scratch-database.ts';
import { SILENT_LOGGER } from './db-logger.ts';
import { TEST_ADMIN_URL as ADMIN_URL } from './test-support.ts';


async function queryRows(databaseUrl: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  const scratches: TScratchDatabase[] = [];
  const scratch = async () => {
    const db = await createScratchDatabase(ADMIN_URL, 'portcullis_test_migrate');
    scratches.push(db);

    return db;
  };

  after(async () => {
    await Promise.all(scratches.map((db) => db.drop()));
  });

  it('should create the schema on a fresh database, then do nothing', async () => {
    const { databaseUrl } = await scratch();

    const first = await applyMigrations(databaseUrl, SILENT_LOGGER);
    const second = await applyMigrations(databaseUrl, SILENT_LOGGER);

    assert.ok(first.length >= 1);
    assert.match(first[0] ?? '', /^\d{14}_init$/);
    assert.deepEqual(second, []);
    const history = await queryRows(
      databaseUrl,
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations',
    );
    assert.equal(history.length, first.length);
    assert.ok(history.every((row) => row.finished_at !== null && row.rolled_back_at === null));
    const tables = await queryRows(
      databaseUrl,
      "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'VirtualServer'",
    );
    assert.equal(tables.length, 1);
  });

  it('should apply each migration once when two callers start together', async () => {
    const { databaseUrl } = await scratch();

    const results = await Promise.all([
      applyMigrations(databaseUrl, SILENT_LOGGER),
      applyMigrations(databaseUrl, SILENT_LOGGER),
    ]);

    const applied = results.flat();
    assert.equal(new Set(applied).size, applied.length);
    const history = await queryRows(databaseUrl, 'SELECT migration_name FROM _prisma_migrations');
    assert.equal(history.length, applied.length);
  });
});

describe('applyMigrations on a broken migration', () => {
  let db: TScratchDatabase;
  before(async () => {
    db = await createScratchDatabase(ADMIN_URL, 'portcullis_test_migrate');
  });
  after(async () => {
    await db.drop();
  });

  it('should throw MIGRATION_FAILED', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'portcullis-migrations-'));
    await mkdir(path.join(dir, '20000101000000_bad'));
    await writeFile(path.join(dir, '20000101000000_bad', 'migration.sql'), 'CREATE TABLEX nope;');

    try {
      const applying = applyMigrations(db.databaseUrl, SILENT_LOGGER, { migrationsDir: dir });
      await assert.rejects(applying, { code: 'MIGRATION_FAILED' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
