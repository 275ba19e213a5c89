import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertReachableByPostgres } from './assert-reachable.ts';

describe('assertReachableByPostgres', () => {
  let root: string;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'portcullis-reach-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should name the parent folder others cannot enter', async () => {
    await chmod(root, 0o700);

    const checking = assertReachableByPostgres(path.join(root, 'pgdata'));

    await assert.rejects(checking, (error: Error & { code?: string }) => {
      assert.equal(error.code, 'DATA_DIR_UNREACHABLE');
      assert.ok(error.message.includes(root));

      return true;
    });
  });

  it('should accept a path whose parents others may enter', async () => {
    await chmod(root, 0o755);

    await assertReachableByPostgres(path.join(root, 'pgdata'));
  });
});
