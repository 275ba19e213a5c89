// Counters in Redis, shared by every worker. Every command is bounded in time and fails at
// once while Redis is unreachable, so a check never hangs on it: the error surfaces as
// COUNTERS_UNAVAILABLE and each check decides whether to fail open or closed.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { PolicyError } from '../results/policy-error.ts';
import { SILENT_LOGGER, type TPolicyLogger } from '../results/policy-logger.ts';
import { DEFAULT_KEY_PREFIX, type TCounterStore } from './counter-store.ts';
import { ACQUIRE_SLOT_SCRIPT, HIT_SCRIPT, RENEW_SLOT_SCRIPT } from './redis-scripts.ts';

export interface TRedisCounterStoreOptions {
  now?: () => number;
  keyPrefix?: string;
  /** A command not answered within this fails. Default 500 ms. */
  commandTimeoutMs?: number;
  /** A connection attempt not completed within this fails. Default 2000 ms. */
  connectTimeoutMs?: number;
  logger?: TPolicyLogger;
}

/** The Redis store answers every operation with a promise. */
export interface TRedisCounterStore extends TCounterStore {
  hit(key: string, windowMs: number): Promise<number>;
  acquireSlot(key: string, slotId: string, ttlMs: number): Promise<number>;
  renewSlot(key: string, slotId: string, ttlMs: number): Promise<boolean>;
  releaseSlot(key: string, slotId: string): Promise<void>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 500;
const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
const DEFAULT_READY_TIMEOUT_MS = 5_000;
const MAX_RECONNECT_DELAY_MS = 2_000;
const DISCONNECT_TIMEOUT_MS = 200;
// ioredis reports every failed reconnect; one line per this long is enough for an operator.
const ERROR_LOG_INTERVAL_MS = 30_000;

export function createRedisCounterStore(
  url: string,
  options: TRedisCounterStoreOptions = {},
): TRedisCounterStore {
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const logger = options.logger ?? SILENT_LOGGER;
  const redis = new Redis(url, {
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // While disconnected, fail at once instead of queueing until the timeout.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    // ioredis arms this timer even for a socket already closed; keep a shutdown short.
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  });

  let lastErrorLog = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastErrorLog < ERROR_LOG_INTERVAL_MS) return;

    lastErrorLog = Date.now();
    logger.warn({ code: 'COUNTERS_UNAVAILABLE', err: error.message }, 'redis connection error');
  });

  const run = createScriptRunner(redis);

  const guarded = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const reason = `redis ${operation}: ${(error as Error).message}`;
      throw new PolicyError('COUNTERS_UNAVAILABLE', reason, { cause: error });
    }
  };

  // A hash tag keeps a key's buckets in one Redis Cluster slot, as the scripts need.
  const bucketKey = (key: string, index: number) => `${prefix}{${key}}:${index}`;

  return {
    kind: 'redis',
    now,

    hit: (key, windowMs) =>
      guarded('hit', async () => {
        const at = now();
        const index = Math.floor(at / windowMs);
        const overlap = 1 - (at % windowMs) / windowMs;
        const keys = [bucketKey(key, index), bucketKey(key, index - 1)];

        return Number(await run(HIT_SCRIPT, keys, [2 * windowMs, overlap]));
      }),

    acquireSlot: (key, slotId, ttlMs) =>
      guarded('acquireSlot', async () => {
        const at = now();
        const args = [at, at + ttlMs, slotId, ttlMs];

        return Number(await run(ACQUIRE_SLOT_SCRIPT, [prefix + key], args));
      }),

    renewSlot: (key, slotId, ttlMs) =>
      guarded('renewSlot', async () => {
        const at = now();
        const args = [at, at + ttlMs, slotId, ttlMs];

        return Number(await run(RENEW_SLOT_SCRIPT, [prefix + key], args)) === 1;
      }),

    releaseSlot: (key, slotId) =>
      guarded('releaseSlot', async () => {
        await redis.zrem(prefix + key, slotId);
      }),

    get: (key) => guarded('get', () => redis.get(prefix + key)),

    set: (key, value, ttlMs) =>
      guarded('set', async () => {
        await redis.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
      }),

    setIfAbsent: (key, value, ttlMs) =>
      guarded('setIfAbsent', async () => {
        const ttl = Math.max(1, Math.ceil(ttlMs));

        return (await redis.set(prefix + key, value, 'PX', ttl, 'NX')) === 'OK';
      }),

    delete: (key) =>
      guarded('delete', async () => {
        await redis.del(prefix + key);
      }),

    ready: (timeoutMs = DEFAULT_READY_TIMEOUT_MS) => waitUntilReady(redis, timeoutMs),

    close: async () => {
      // QUIT lets commands in flight finish; without a connection there is nothing to wait for.
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}

type TScriptArgs = Array<string | number>;
type TScriptRunner = (script: string, keys: string[], args: TScriptArgs) => Promise<unknown>;

// EVALSHA first; the script body goes over the wire only when Redis does not know it yet
// (after a restart or a SCRIPT FLUSH).
function createScriptRunner(redis: Redis): TScriptRunner {
  const shas = new Map<string, string>();

  return async (script, keys, args) => {
    let sha = shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      shas.set(script, sha);
    }

    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;

      return redis.eval(script, keys.length, ...keys, ...args);
    }
  };
}

function waitUntilReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();

  return new Promise((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      const reason = `redis not ready within ${timeoutMs} ms`;
      reject(new PolicyError('COUNTERS_UNAVAILABLE', reason));
    }, timeoutMs);

    redis.once('ready', onReady);
  });
}
