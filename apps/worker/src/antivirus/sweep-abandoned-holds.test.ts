import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { exitedPid } from '../../test/helpers/exited-pid.ts';
import { sweepAbandonedHolds } from './sweep-abandoned-holds.ts';

describe('sweepAbandonedHolds', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-sweep-test-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should remove only hold files whose worker has stopped', async () => {
    const deadPid = await exitedPid();
    const abandoned = `portcullis-hold-${deadPid}-0123456789abcdef.eml`;
    const live = `portcullis-hold-${process.pid}-fedcba9876543210.eml`;
    const unrelated = [`portcullis-hold-${deadPid}-notours.eml`, 'other.eml'];
    await writeFile(path.join(dir, abandoned), 'x'.repeat(1234));
    for (const name of [live, ...unrelated]) await writeFile(path.join(dir, name), 'kept');

    const swept = await sweepAbandonedHolds(dir, pino({ level: 'silent' }));

    assert.deepEqual(swept, { files: 1, bytes: 1234 });
    assert.deepEqual((await readdir(dir)).sort(), [live, ...unrelated].sort());
  });

  it('should find nothing to do in a directory that does not exist', async () => {
    const swept = await sweepAbandonedHolds(path.join(dir, 'absent'), pino({ level: 'silent' }));

    assert.deepEqual(swept, { files: 0, bytes: 0 });
  });
});
