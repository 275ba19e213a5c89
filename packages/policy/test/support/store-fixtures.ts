// Runs a suite against both counter stores: in memory, and on the Redis at REDIS_URL
// (default 127.0.0.1:6379) under a key prefix of its own, whose keys are deleted afterwards.
// Nothing else in that Redis is touched (no FLUSHALL).
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { Redis } from 'ioredis';
import {
  createMemoryCounterStore,
  createRedisCounterStore,
  type TCounterStore,
} from '../../src/index.ts';
import { createFakeClock, type TFakeClock } from './fake-clock.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TStoreFixture {
  store: TCounterStore;
  clock: TFakeClock;
}

export interface TStoreKind {
  name: 'memory' | 'redis';
  /** A fresh store with its own fake clock and, for Redis, its own key prefix. */
  create(): Promise<TStoreFixture>;
}

const RUN_PREFIX = `portcullis:test-${randomBytes(6).toString('hex')}:`;
const redisStores: TCounterStore[] = [];
let storeCount = 0;

export const STORE_KINDS: TStoreKind[] = [
  {
    name: 'memory',
    create: async () => {
      const clock = createFakeClock();

      return { clock, store: createMemoryCounterStore({ now: clock.now }) };
    },
  },
  {
    name: 'redis',
    create: async () => {
      const clock = createFakeClock();
      storeCount += 1;
      const keyPrefix = `${RUN_PREFIX}${storeCount}:`;
      const store = createRedisCounterStore(REDIS_URL, { now: clock.now, keyPrefix });
      redisStores.push(store);
      await store.ready(5_000);

      return { clock, store };
    },
  },
];

/** Several Redis stores on one key prefix and one clock: workers sharing their counters. */
export async function createSharedRedisStores(count: number) {
  const clock = createFakeClock();
  storeCount += 1;
  const keyPrefix = `${RUN_PREFIX}${storeCount}:`;
  const stores = Array.from({ length: count }, () =>
    createRedisCounterStore(REDIS_URL, { now: clock.now, keyPrefix }),
  );
  redisStores.push(...stores);
  await Promise.all(stores.map((store) => store.ready(5_000)));

  return { clock, stores };
}

/** Keys this test run left in Redis, with their remaining TTL in ms (-1: none). */
export async function listRunKeys(): Promise<Map<string, number>> {
  const redis = new Redis(REDIS_URL);
  const keys = new Map<string, number>();

  try {
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${RUN_PREFIX}*`, 'COUNT', 500);
      for (const key of batch) keys.set(key, await redis.pttl(key));
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }

  return keys;
}

after(async () => {
  await Promise.all(redisStores.map((store) => store.close()));

  const keys = [...(await listRunKeys()).keys()];
  if (keys.length === 0) return;

  const redis = new Redis(REDIS_URL);
  await redis.del(...keys);
  redis.disconnect();
});
