import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createMemoryCounterStore } from '../../src/index.ts';
import { createFakeClock } from '../support/fake-clock.ts';
import { listRunKeys, STORE_KINDS } from '../support/store-fixtures.ts';

const MINUTE_MS = 60_000;

for (const kind of STORE_KINDS) {
  describe(`${kind.name} counter store`, () => {
    it('should count hits within the window', async () => {
      const { store } = await kind.create();

      const counts = [];
      for (let hit = 0; hit < 4; hit += 1) counts.push(await store.hit('a', MINUTE_MS));

      assert.deepEqual(counts, [1, 2, 3, 4]);
      assert.equal(await store.hit('b', MINUTE_MS), 1, 'keys are counted apart');
    });

    it('should slide: the previous window counts by how much of it still overlaps', async () => {
      const { store, clock } = await kind.create();
      for (let hit = 0; hit < 10; hit += 1) await store.hit('a', MINUTE_MS);

      clock.advance(MINUTE_MS + MINUTE_MS / 4);
      assert.equal(await store.hit('a', MINUTE_MS), 1 + Math.floor(10 * 0.75));

      clock.advance(MINUTE_MS / 2);
      assert.equal(await store.hit('a', MINUTE_MS), 2 + Math.floor(10 * 0.25));

      clock.advance(2 * MINUTE_MS);
      assert.equal(await store.hit('a', MINUTE_MS), 1, 'two windows later it starts afresh');
    });

    it('should hold slots until released, and let lapsed slots go', async () => {
      const { store, clock } = await kind.create();

      assert.equal(await store.acquireSlot('c', 's1', 1_000), 1);
      assert.equal(await store.acquireSlot('c', 's2', 1_000), 2);
      await store.releaseSlot('c', 's1');
      assert.equal(await store.acquireSlot('c', 's3', 1_000), 2);

      clock.advance(600);
      assert.equal(await store.renewSlot('c', 's3', 1_000), true);
      clock.advance(600);
      // s2 lapsed (a crashed holder); s3 was renewed and lives on.
      assert.equal(await store.acquireSlot('c', 's4', 1_000), 2);
      assert.equal(await store.renewSlot('c', 's2', 1_000), false);
    });

    it('should store values with expiry and set them only when absent', async () => {
      const { store, clock } = await kind.create();

      assert.equal(await store.setIfAbsent('k', 'first', 10_000), true);
      assert.equal(await store.setIfAbsent('k', 'second', 10_000), false);
      assert.equal(await store.get('k'), 'first');
      await store.set('k', 'third', 10_000);
      assert.equal(await store.get('k'), 'third');
      await store.delete('k');
      assert.equal(await store.get('k'), null);

      await store.set('short', 'v', 50);
      clock.advance(100);
      await sleep(100);
      assert.equal(await store.get('short'), null, 'expired');
      assert.equal(await store.setIfAbsent('short', 'again', 10_000), true);
    });
  });
}

describe('redis counter store keys', () => {
  it('should give every key it writes a TTL, under the portcullis: namespace', async () => {
    const redis = STORE_KINDS.find((kind) => kind.name === 'redis');
    const { store } = await redis!.create();

    await store.hit('rate:x', MINUTE_MS);
    await store.acquireSlot('conn:x', 'slot', 5_000);
    await store.set('grey:x', 'v', 5_000);
    await store.setIfAbsent('grey:y', 'v', 5_000);

    const keys = await listRunKeys();
    assert.ok(keys.size >= 4);
    for (const [key, ttl] of keys) {
      assert.ok(key.startsWith('portcullis:'), key);
      assert.ok(ttl > 0, `${key} has a TTL (${ttl})`);
    }
  });
});

describe('memory counter store bounds', () => {
  it('should sweep expired keys', async () => {
    const clock = createFakeClock();
    const store = createMemoryCounterStore({ now: clock.now, sweepIntervalMs: 1_000 });
    for (let index = 0; index < 100; index += 1) await store.set(`k${index}`, 'v', 500);
    await store.set('kept', 'v', 60_000);
    assert.equal(store.keyCount(), 101);

    clock.advance(2_000);
    await store.get('anything');

    assert.equal(store.keyCount(), 1);
    assert.equal(await store.get('kept'), 'v');
  });

  it('should drop the oldest keys past maxKeys', async () => {
    const store = createMemoryCounterStore({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await store.set(key, key, 60_000);

    assert.equal(store.keyCount(), 3);
    assert.equal(await store.get('a'), null);
    assert.equal(await store.get('b'), null);
    assert.equal(await store.get('e'), 'e');
  });
});
