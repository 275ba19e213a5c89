import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  createRedisCounterStore,
  PolicyError,
  type TCounterStore,
  type TRedisCounterStore,
} from '../../src/index.ts';
import { reserveDeadRedis, startHungRedis, type TBrokenRedis } from '../support/broken-redis.ts';

const COMMAND_TIMEOUT_MS = 200;

const opened: Array<TBrokenRedis | TCounterStore> = [];
after(() => Promise.all(opened.map((thing) => thing.close())));

async function timeOperation(store: TRedisCounterStore) {
  const started = performance.now();
  const error = await store.hit('rate:x', 60_000).then(() => null, (caught: unknown) => caught);

  return { error, elapsedMs: performance.now() - started };
}

describe('redis counter store outage', () => {
  it('should fail at once with COUNTERS_UNAVAILABLE when Redis is not there', async () => {
    const dead = await reserveDeadRedis();
    const store = createRedisCounterStore(dead.url, { commandTimeoutMs: COMMAND_TIMEOUT_MS });
    opened.push(store);

    const { error, elapsedMs } = await timeOperation(store);

    assert.ok(error instanceof PolicyError);
    assert.equal(error.code, 'COUNTERS_UNAVAILABLE');
    assert.ok(elapsedMs < 100, `failed in ${elapsedMs} ms`);
    await assert.rejects(store.ready(100), { code: 'COUNTERS_UNAVAILABLE' });
  });

  it('should give up after the command timeout when Redis hangs', async () => {
    const hung = await startHungRedis();
    const store = createRedisCounterStore(hung.url, { commandTimeoutMs: COMMAND_TIMEOUT_MS });
    opened.push(hung, store);
    await store.ready(2_000);

    const { error, elapsedMs } = await timeOperation(store);

    assert.ok(error instanceof PolicyError);
    assert.equal(error.code, 'COUNTERS_UNAVAILABLE');
    assert.ok(elapsedMs >= COMMAND_TIMEOUT_MS - 20, `waited ${elapsedMs} ms`);
    assert.ok(elapsedMs < COMMAND_TIMEOUT_MS + 300, `gave up after ${elapsedMs} ms`);
  });
});
