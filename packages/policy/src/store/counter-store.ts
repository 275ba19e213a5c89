// The one interface every shared counter goes through. With one worker the counters live in
// memory (createMemoryCounterStore); several workers share them through Redis
// (createRedisCounterStore). The checks cannot tell the two apart: the memory store answers
// at once and Redis with a promise, and every check takes either (see afterStore).

/** A store's answer: the value itself from the memory store, a promise of it from Redis. */
export type TMaybePromise<T> = T | Promise<T>;

export interface TCounterStore {
  readonly kind: 'memory' | 'redis';

  /**
   * The clock windows and expiries run on, in ms since the epoch. Checks that store times
   * (greylisting, harvest blocks) read it here so that one injected clock drives a test.
   */
  now(): number;

  /**
   * Counts one event under `key` and returns the events of the last `windowMs`, this one
   * included. A sliding window: the previous fixed window's count is weighted by how much of
   * it still overlaps, so a burst straddling a window boundary is not let through twice.
   */
  hit(key: string, windowMs: number): TMaybePromise<number>;

  /**
   * Takes a concurrency slot `slotId` under `key` and returns how many live slots `key` holds
   * now, this one included. A slot lapses `ttlMs` after it was taken or last renewed, so
   * slots of a worker that crashed free themselves.
   */
  acquireSlot(key: string, slotId: string, ttlMs: number): TMaybePromise<number>;

  /** Pushes a live slot's lapse out to `ttlMs` from now; false when it already lapsed. */
  renewSlot(key: string, slotId: string, ttlMs: number): TMaybePromise<boolean>;

  releaseSlot(key: string, slotId: string): TMaybePromise<void>;

  get(key: string): TMaybePromise<string | null>;

  set(key: string, value: string, ttlMs: number): TMaybePromise<void>;

  /** Stores the value only if the key holds none; true when it stored it. Atomic. */
  setIfAbsent(key: string, value: string, ttlMs: number): TMaybePromise<boolean>;

  delete(key: string): TMaybePromise<void>;

  /** Resolves once the store can answer; rejects with COUNTERS_UNAVAILABLE after timeoutMs. */
  ready(timeoutMs?: number): Promise<void>;

  close(): Promise<void>;
}

/** Every key lives under this namespace, in Redis and in memory alike. */
export const DEFAULT_KEY_PREFIX = 'portcullis:';

/** The sliding-window estimate both stores compute: see TCounterStore.hit. */
export function slidingCount(previous: number, current: number, now: number, windowMs: number) {
  const overlap = 1 - (now % windowMs) / windowMs;

  return current + Math.floor(previous * overlap);
}

/**
 * Goes on with a store's answer: at once when the store answered at once (no promise, no
 * microtask), else once it settles. A failed answer goes to onFailure; what onAnswer throws
 * is not caught, as with `try { await } catch` around the store call alone.
 */
export function afterStore<T, R>(
  answer: TMaybePromise<T>,
  onAnswer: (value: T) => TMaybePromise<R>,
  onFailure: (error: unknown) => TMaybePromise<R>,
): TMaybePromise<R> {
  if (!(answer instanceof Promise)) return onAnswer(answer);

  return answer.then(onAnswer, onFailure);
}
