import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { HoldMemoryBudget } from './hold-memory-budget.ts';
import { MessageHold } from './message-hold.ts';

describe('MessageHold', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-hold-test-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should keep a message under the bound in memory', async () => {
    const hold = new MessageHold({ memoryBytes: 1024, dir });
    await hold.append(Buffer.from('Subject: a\r\n'));
    await hold.append(Buffer.from('\r\nbody\r\n'));

    const sealed = await hold.seal();

    assert.ok(Buffer.isBuffer(sealed));
    assert.equal(sealed.toString(), 'Subject: a\r\n\r\nbody\r\n');
    assert.equal((await buffer(hold.open())).toString(), sealed.toString());
    assert.deepEqual(await readdir(dir), []);
  });

  it('should spill past the bound to a private file, and remove it on discard', async () => {
    const hold = new MessageHold({ memoryBytes: 1024, dir });
    const pieces = Array.from({ length: 40 }, () => randomBytes(20_000));
    for (const piece of pieces) await hold.append(piece);

    const sealed = await hold.seal();

    assert.equal(typeof sealed, 'string');
    assert.equal(hold.isOnDisk, true);
    assert.deepEqual(await readFile(sealed as string), Buffer.concat(pieces));
    assert.equal((await stat(sealed as string)).mode & 0o777, 0o600);
    assert.deepEqual(await buffer(hold.open()), Buffer.concat(pieces));

    await hold.discard();

    assert.deepEqual(await readdir(dir), []);
  });

  it('should go to disk early when the holds together have spent the memory budget', async () => {
    const budget = new HoldMemoryBudget(3000);
    const first = new MessageHold({ memoryBytes: 10_000, dir, budget });
    const second = new MessageHold({ memoryBytes: 10_000, dir, budget });
    await first.append(Buffer.alloc(2000, 'a'));
    await second.append(Buffer.alloc(500, 'b'));
    await second.append(Buffer.alloc(1000, 'c'));

    assert.equal(first.isOnDisk, false);
    assert.equal(second.isOnDisk, true, 'past the budget though under its own bound');
    assert.equal(budget.used, 2500);
    const sealed = await second.seal();
    assert.equal((await readFile(sealed as string)).toString(), 'b'.repeat(500) + 'c'.repeat(1000));

    await first.discard();
    await second.discard();

    assert.equal(budget.used, 0, 'every byte given back');
    assert.deepEqual(await readdir(dir), []);
  });

  it('should give its memory back once the spilled chunks are written', async () => {
    const budget = new HoldMemoryBudget(10_000_000);
    const hold = new MessageHold({ memoryBytes: 1024, dir, budget });
    await hold.append(Buffer.alloc(1000, 'a'));
    assert.equal(budget.used, 1000);

    await hold.append(Buffer.alloc(300_000, 'b'));

    assert.equal(hold.isOnDisk, true);
    assert.equal(budget.used, 0);
    await hold.discard();
  });
});
