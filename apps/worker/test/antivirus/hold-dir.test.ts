// Where a worker with a state directory keeps messages waiting for their scan, and what it
// does at start with those a stopped worker left behind.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitedPid } from '../helpers/exited-pid.ts';
import { startTestWorker } from '../helpers/worker.ts';

describe('the hold directory', () => {
  let stateDir: string;

  before(async () => {
    stateDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-hold-dir-'));
  });

  after(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('should be private to the worker and swept of a crashed worker\'s messages at start', async () => {
    const holdDir = path.join(stateDir, 'hold');
    await mkdir(holdDir);
    const abandoned = `portcullis-hold-${await exitedPid()}-00112233445566ff.eml`;
    const liveOwner = `portcullis-hold-${process.pid}-ffeeddccbbaa9988.eml`;
    await writeFile(path.join(holdDir, abandoned), 'Subject: never acknowledged\r\n\r\n');
    await writeFile(path.join(holdDir, liveOwner), 'Subject: still being scanned\r\n\r\n');

    const worker = await startTestWorker({ stateDir });
    try {
      assert.deepEqual(await readdir(holdDir), [liveOwner]);
    } finally {
      await worker.stop();
    }
  });

  it('should be created owner-only when the state directory is new', async () => {
    const freshState = path.join(stateDir, 'fresh');
    const worker = await startTestWorker({ stateDir: freshState });
    try {
      const mode = (await stat(path.join(freshState, 'hold'))).mode & 0o777;
      assert.equal(mode, 0o700);
    } finally {
      await worker.stop();
    }
  });
});
