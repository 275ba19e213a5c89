// The one interface every shared counter goes through. With one worker the counters live in
// memory (createMemoryCounterStore); several workers share them through Redis
// (createRedisCounterStore). The checks cannot tell the two apart.

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
  hit(key: string, windowMs: number): Promise<number>;

  /**
   * Takes a concurrency slot `slotId` under `key` and returns how many live slots `key` holds
   * now, this one included. A slot lapses `ttlMs` after it was taken or last renewed, so
   * slots of a worker that crashed free themselves.
   */
  acquireSlot(key: string, slotId: string, ttlMs: number): Promise<number>;

  /** Pushes a live slot's lapse out to `ttlMs` from now; false when it already lapsed. */
  renewSlot(key: string, slotId: string, ttlMs: number): Promise<boolean>;

  releaseSlot(key: string, slotId: string): Promise<void>;

  get(key: string): Promise<string | null>;

  set(key: string, value: string, ttlMs: number): Promise<void>;

  /** Stores the value only if the key holds none; true when it stored it. Atomic. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;

  delete(key: string): Promise<void>;

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
