// Where a worker with a state directory keeps messages waiting for their scan, and what it
// does at start with those a stopped worker left behind.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

  it("should be swept of a stopped worker's messages at start, whatever their pid", async () => {
    const holdDir = path.join(stateDir, 'hold');
    await mkdir(holdDir);
    // A crashed worker's, and one of a worker that had this pid (a restarted container).
    const abandoned = [
      `portcullis-hold-${await exitedPid()}-00112233445566ff.eml`,
      `portcullis-hold-${process.pid}-ffeeddccbbaa9988.eml`,
    ];
    for (const name of abandoned) await writeFile(path.join(holdDir, name), 'Subject: x\r\n\r\n');
    await writeFile(path.join(holdDir, 'notes.txt'), 'an operator left this');

    const worker = await startTestWorker({ stateDir });
    try {
      assert.deepEqual((await readdir(holdDir)).sort(), ['hold.lock', 'notes.txt']);
    } finally {
      await worker.stop();
    }
    assert.deepEqual(await readdir(holdDir), ['notes.txt'], 'the lock goes with the worker');
  });

  it('should refuse a second worker on the same state directory', async () => {
    const first = await startTestWorker({ stateDir });
    try {
      await assert.rejects(startTestWorker({ stateDir }), { code: 'STATE_DIR_LOCKED' });
    } finally {
      await first.stop();
    }
  });

  it('should be owner-only, made so again if someone opened it up', async () => {
    const freshState = path.join(stateDir, 'fresh');
    await (await startTestWorker({ stateDir: freshState })).stop();
    const holdDir = path.join(freshState, 'hold');
    assert.equal((await stat(holdDir)).mode & 0o777, 0o700);
    await chmod(holdDir, 0o755);

    await (await startTestWorker({ stateDir: freshState })).stop();

    assert.equal((await stat(holdDir)).mode & 0o777, 0o700);
  });
});
