import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LOCKFILE_CONTENT } from './read-migrations.ts';
import { writeMigration } from './write-migration.ts';

describe('writeMigration', () => {
  let dir: string;
  const now = new Date('2025-03-04T05:06:07Z');

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'portcullis-write-migration-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should write a timestamped folder and the lockfile', async () => {
    const options = { migrationsDir: dir, sql: 'SELECT 1;', now };
    const name = await writeMigration({ ...options, name: 'Add pools!' });

    assert.equal(name, '20250304050607_add_pools');
    assert.equal(await readFile(path.join(dir, name, 'migration.sql'), 'utf8'), 'SELECT 1;');
    assert.equal(await readFile(path.join(dir, 'migration_lock.toml'), 'utf8'), LOCKFILE_CONTENT);
  });

  it('should refuse to overwrite an existing migration', async () => {
    const writing = writeMigration({ migrationsDir: dir, name: 'add pools', sql: 'x', now });

    await assert.rejects(writing, { code: 'EEXIST' });
    const entries = (await readdir(dir)).sort();
    assert.deepEqual(entries, ['20250304050607_add_pools', 'migration_lock.toml']);
  });

  it('should refuse a name with no letters or digits', async () => {
    await assert.rejects(writeMigration({ migrationsDir: dir, name: '!!', sql: 'x', now }));
  });
});
