import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitedPid } from '../../test/helpers/exited-pid.ts';
import { acquireDirectoryLock, LEASE_EXPIRY_MS } from './directory-lock.ts';

class LockedError extends Error {}

const OPTIONS = { fileName: 'test.lock', refuse: (message: string) => new LockedError(message) };

describe('acquireDirectoryLock', () => {
  let root: string;
  let count = 0;
  const freshDir = () => path.join(root, `dir-${(count += 1)}`);
  const lockOf = (dir: string) => path.join(dir, OPTIONS.fileName);
  const plant = async (dir: string, owner: unknown, ageMs = 0) => {
    await mkdir(dir, { recursive: true });
    await writeFile(lockOf(dir), typeof owner === 'string' ? owner : JSON.stringify(owner));
    const then = new Date(Date.now() - ageMs);
    await utimes(lockOf(dir), then, then);
  };

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'portcullis-lock-test-'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should create the directory owner-only, refuse a second taker, and free it on release', async () => {
    const dir = freshDir();
    const release = await acquireDirectoryLock(dir, OPTIONS);

    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    assert.equal((await stat(lockOf(dir))).mode & 0o777, 0o600);
    assert.equal(JSON.parse(await readFile(lockOf(dir), 'utf8')).pid, process.pid);
    await assert.rejects(acquireDirectoryLock(dir, OPTIONS), LockedError);

    await release();
    await (await acquireDirectoryLock(dir, OPTIONS))();
  });

  it("should take over the lock of this pid's earlier holder (a restarted container)", async () => {
    const dir = freshDir();
    await plant(dir, { pid: process.pid, host: os.hostname(), instance: 'before-the-restart' });

    await (await acquireDirectoryLock(dir, OPTIONS))();
  });

  it('should take over the lock of a process that has exited, in either format', async () => {
    const dead = await exitedPid();
    const dirs = [freshDir(), freshDir()];
    await plant(dirs[0]!, { pid: dead, host: os.hostname(), instance: 'gone' });
    await plant(dirs[1]!, String(dead));

    for (const dir of dirs) await (await acquireDirectoryLock(dir, OPTIONS))();
  });

  it('should refuse while a live process on this host holds it', async () => {
    const dir = freshDir();
    await plant(dir, { pid: process.ppid, host: os.hostname(), instance: 'the-parent' });

    await assert.rejects(acquireDirectoryLock(dir, OPTIONS), /in use by process \d+ on /);
  });

  it('should take over a lock not renewed for a minute, though its pid is alive again', async () => {
    const dir = freshDir();
    const reused = { pid: process.ppid, host: os.hostname(), instance: 'long-gone' };
    await plant(dir, reused, LEASE_EXPIRY_MS + 5_000);

    await (await acquireDirectoryLock(dir, OPTIONS))();
  });

  it("should honour another host's lock until its lease lapses", async () => {
    const dir = freshDir();
    const elsewhere = { pid: 1, host: 'another-container', instance: 'theirs' };
    await plant(dir, elsewhere, 5_000);

    await assert.rejects(acquireDirectoryLock(dir, OPTIONS), /another-container; its lock lapses/);

    await plant(dir, elsewhere, LEASE_EXPIRY_MS + 5_000);
    await (await acquireDirectoryLock(dir, OPTIONS))();
  });

  it('should renew its lease while it holds the lock', async () => {
    const dir = freshDir();
    const release = await acquireDirectoryLock(dir, { ...OPTIONS, refreshMs: 20 });
    const old = new Date(Date.now() - 30_000);
    await utimes(lockOf(dir), old, old);

    await new Promise((resolve) => setTimeout(resolve, 100));

    assert.ok(Date.now() - (await stat(lockOf(dir))).mtimeMs < 5_000, 'renewed');
    await release();
  });
});
