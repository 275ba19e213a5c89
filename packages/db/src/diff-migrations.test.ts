import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createScratchDatabase } from './create-scratch-database.ts';
import { SILENT_LOGGER } from './db-logger.ts';
import { diffMigrations } from './diff-migrations.ts';
import { MIGRATIONS_DIR, SCHEMA_PATH } from './paths.ts';
import { TEST_ADMIN_URL } from './test-support.ts';

async function diffFrom(migrationsDir: string): Promise<string | null> {
  const scratch = await createScratchDatabase(TEST_ADMIN_URL, 'portcullis_test_diff');
  try {
    const options = { scratchUrl: scratch.databaseUrl, schemaPath: SCHEMA_PATH };

    return await diffMigrations({ ...options, migrationsDir, logger: SILENT_LOGGER });
  } finally {
    await scratch.drop();
  }
}

describe('diffMigrations', () => {
  it('should find nothing to do when the migrations match the schema', async () => {
    assert.equal(await diffFrom(MIGRATIONS_DIR), null);
  });

  it('should produce the whole schema from an empty history', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'portcullis-no-migrations-'));
    try {
      const sql = await diffFrom(empty);

      assert.match(sql ?? '', /CREATE TABLE "VirtualServer"/);
      assert.match(sql ?? '', /CREATE TYPE "Role"/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
