import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createMemoryCounterStore,
  createRedisCounterStore,
  type TCounterStore,
} from '@portcullis/policy';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TTestStore {
  store: TCounterStore;
  /** Keys the store holds in Redis under the test's prefix (0 for memory). */
  redisKeys(): number;
  /** Closes the store; for Redis, deletes every key under the test's own prefix first. */
  dispose(): Promise<void>;
}

/** Both kinds of counter store the worker runs on, Redis under a prefix of this test's own. */
export function createTestStore(kind: 'memory' | 'redis', url = REDIS_URL): TTestStore {
  if (kind === 'memory') {
    const store = createMemoryCounterStore();

    return { store, redisKeys: () => 0, dispose: () => store.close() };
  }

  const prefix = `portcullis-test:${randomBytes(6).toString('hex')}:`;
  const store = createRedisCounterStore(url, { keyPrefix: prefix });

  return {
    store,
    redisKeys: () => countRedisKeys(`${prefix}*`),
    async dispose() {
      await store.close();
      if (url === REDIS_URL) deleteKeys(prefix);
    },
  };
}

// Never FLUSHALL: only the keys under this test's prefix go.
function deleteKeys(prefix: string): void {
  const url = new URL(REDIS_URL);
  const target = ['-h', url.hostname, '-p', url.port || '6379'];
  const keys = execFileSync('redis-cli', [...target, '--scan', '--pattern', `${prefix}*`], {
    encoding: 'utf8',
  }).split('\n').filter(Boolean);
  if (keys.length > 0) execFileSync('redis-cli', [...target, 'DEL', ...keys]);
}

function countRedisKeys(pattern: string): number {
  const url = new URL(REDIS_URL);
  const output = execFileSync(
    'redis-cli',
    ['-h', url.hostname, '-p', url.port || '6379', '--scan', '--pattern', pattern],
    { encoding: 'utf8' },
  );

  return output.split('\n').filter(Boolean).length;
}
