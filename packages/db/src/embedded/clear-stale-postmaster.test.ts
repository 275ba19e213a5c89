import assert from 'node:assert/strict';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SILENT_LOGGER } from '../db-logger.ts';
import { clearStalePostmaster } from './clear-stale-postmaster.ts';

const exists = (file: string) => access(file).then(() => true, () => false);

describe('clearStalePostmaster', () => {
  let dataDir: string;
  let pidFile: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'portcullis-pidfile-'));
    pidFile = path.join(dataDir, 'postmaster.pid');
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should do nothing without a postmaster.pid', async () => {
    await clearStalePostmaster(dataDir, SILENT_LOGGER);

    assert.equal(await exists(pidFile), false);
  });

  it('should remove a file whose pid now belongs to another program', async () => {
    // This test process is alive and is not a postgres server: a reused pid.
    await writeFile(pidFile, `${process.pid}\n${dataDir}\n`);

    await clearStalePostmaster(dataDir, SILENT_LOGGER);

    assert.equal(await exists(pidFile), false);
  });

  it('should remove a file that names no pid', async () => {
    await writeFile(pidFile, 'garbage\n');

    await clearStalePostmaster(dataDir, SILENT_LOGGER);

    assert.equal(await exists(pidFile), false);
  });
});
