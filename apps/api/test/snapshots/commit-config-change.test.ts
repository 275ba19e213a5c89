import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitConfigChange } from '../../src/snapshots/commit-config-change.ts';
import { build, latestVersion } from '../helper.ts';

const context = build();

describe('commitConfigChange', () => {
  it('should store the change and its snapshot together', async () => {
    const before = await latestVersion(context);

    const { result, snapshot } = await commitConfigChange(context.prisma, 'test', (db) =>
      db.pool.create({ data: { name: 'committed' } }),
    );

    assert.equal(result.name, 'committed');
    assert.equal(snapshot.version, before + 1);
    assert.deepEqual(
      snapshot.pools.map((pool) => pool.name),
      ['committed'],
    );
    const row = await context.prisma.configSnapshot.findUnique({ where: { version: before + 1 } });
    assert.equal(row?.reason, 'test');
  });

  it('should roll back every write when the change fails half-way', async () => {
    const before = await latestVersion(context);

    await assert.rejects(
      commitConfigChange(context.prisma, 'doomed', async (db) => {
        await db.pool.create({ data: { name: 'half_done' } });
        throw new Error('second step failed');
      }),
      /second step failed/,
    );

    assert.equal(await context.prisma.pool.findUnique({ where: { name: 'half_done' } }), null);
    assert.equal(await latestVersion(context), before);
  });
});
