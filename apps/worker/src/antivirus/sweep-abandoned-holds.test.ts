import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
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

    const swept = await sweepAbandonedHolds(dir, pino({ level: 'silent' }), { isOwnDir: false });

    assert.deepEqual(swept, { files: 1, bytes: 1234 });
    assert.deepEqual((await readdir(dir)).sort(), [live, ...unrelated].sort());
  });

  it('should remove every hold file, whatever its pid, from a directory of its own', async () => {
    const own = await mkdtemp(path.join(dir, 'own-'));
    const names = [
      `portcullis-hold-${process.pid}-0123456789abcdef.eml`,
      `portcullis-hold-1-fedcba9876543210.eml`,
    ];
    for (const name of names) await writeFile(path.join(own, name), 'held');
    await writeFile(path.join(own, 'hold.lock'), '{}');
    await mkdir(path.join(own, 'portcullis-hold-2-00112233445566ff.eml'));
    await symlink(path.join(own, 'hold.lock'), path.join(own, 'portcullis-hold-3-aabbccddeeff0011.eml'));

    const swept = await sweepAbandonedHolds(own, pino({ level: 'silent' }), { isOwnDir: true });

    assert.deepEqual(swept, { files: 3, bytes: 8 }, 'two files of 4 bytes, a link counted as 0');
    const left = (await readdir(own)).sort();
    assert.deepEqual(left, ['hold.lock', 'portcullis-hold-2-00112233445566ff.eml']);
  });

  it('should find nothing to do in a directory that does not exist', async () => {
    const absent = path.join(dir, 'absent');
    const swept = await sweepAbandonedHolds(absent, pino({ level: 'silent' }), { isOwnDir: true });

    assert.deepEqual(swept, { files: 0, bytes: 0 });
  });
});
