// Counters in this process's memory: the default with a single worker. Expired keys are swept
// and the number of keys is capped, so a flood of distinct clients cannot grow it without end.
// Every operation answers at once, without a promise: the checks run on the memory store
// without a microtask per counter (see afterStore in counter-store.ts).
import {
  DEFAULT_KEY_PREFIX,
  slidingCount,
  type TCounterStore,
} from './counter-store.ts';

export interface TMemoryCounterStoreOptions {
  now?: () => number;
  keyPrefix?: string;
  /** Past this many keys the oldest created are dropped first. Default 1,000,000. */
  maxKeys?: number;
  /** Expired keys are swept at most this often, during an operation. Default 10 s. */
  sweepIntervalMs?: number;
}

export interface TMemoryCounterStore extends TCounterStore {
  hit(key: string, windowMs: number): number;
  acquireSlot(key: string, slotId: string, ttlMs: number): number;
  renewSlot(key: string, slotId: string, ttlMs: number): boolean;
  releaseSlot(key: string, slotId: string): void;
  get(key: string): string | null;
  set(key: string, value: string, ttlMs: number): void;
  setIfAbsent(key: string, value: string, ttlMs: number): boolean;
  delete(key: string): void;
  /** Keys held, expired ones not yet swept included: for tests and metrics. */
  keyCount(): number;
}

// A hit counter keeps its window and the one before in one entry (Redis keeps two keys):
// the same sliding estimate with one lookup and no key built per hit.
interface TWindowEntry {
  expiresAt: number;
  index: number;
  count: number;
  previous: number;
}

type TEntry =
  | { expiresAt: number; value: string }
  | TWindowEntry
  | { expiresAt: number; slots: Map<string, number> };

const DEFAULT_MAX_KEYS = 1_000_000;
const DEFAULT_SWEEP_INTERVAL_MS = 10_000;

export function createMemoryCounterStore(
  options: TMemoryCounterStoreOptions = {},
): TMemoryCounterStore {
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const sweepIntervalMs = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  const entries = new Map<string, TEntry>();
  let lastSweep = now();

  const sweep = (at: number) => {
    if (at - lastSweep < sweepIntervalMs) return;

    lastSweep = at;
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  };

  const read = (key: string, at: number): TEntry | undefined => {
    sweep(at);
    const entry = entries.get(prefix + key);
    if (!entry || entry.expiresAt > at) return entry;

    entries.delete(prefix + key);

    return undefined;
  };

  const write = (key: string, entry: TEntry) => {
    entries.set(prefix + key, entry);
    if (entries.size > maxKeys) dropOldest(entries, maxKeys);
  };

  // Lapsed slots go; the entry lives as long as its last slot.
  const liveSlots = (key: string, at: number) => {
    const entry = read(key, at);
    const slots = entry && 'slots' in entry ? entry.slots : new Map<string, number>();
    for (const [id, lapsesAt] of slots) if (lapsesAt <= at) slots.delete(id);

    return slots;
  };

  return {
    kind: 'memory',
    now,

    hit(key, windowMs) {
      const at = now();
      const index = Math.floor(at / windowMs);
      const expiresAt = (index + 2) * windowMs;
      const entry = read(key, at);
      if (entry && 'index' in entry && entry.index === index) {
        entry.count += 1;

        return slidingCount(entry.previous, entry.count, at, windowMs);
      }

      // A new window: the last one's count becomes "previous" only if it was the one before.
      const previous = entry && 'index' in entry && entry.index === index - 1 ? entry.count : 0;
      write(key, { expiresAt, index, count: 1, previous });

      return slidingCount(previous, 1, at, windowMs);
    },

    acquireSlot(key, slotId, ttlMs) {
      const at = now();
      const slots = liveSlots(key, at);
      slots.set(slotId, at + ttlMs);
      // Every slot lapses ttlMs after it was taken: the newest lapses last.
      write(key, { slots, expiresAt: latestLapse(slots, at + ttlMs) });

      return slots.size;
    },

    renewSlot(key, slotId, ttlMs) {
      const at = now();
      const slots = liveSlots(key, at);
      if (!slots.has(slotId)) return false;

      slots.set(slotId, at + ttlMs);
      write(key, { slots, expiresAt: latestLapse(slots, at + ttlMs) });

      return true;
    },

    releaseSlot(key, slotId) {
      const slots = liveSlots(key, now());
      slots.delete(slotId);
      if (slots.size === 0) entries.delete(prefix + key);
    },

    get(key) {
      const entry = read(key, now());

      return entry && 'value' in entry ? entry.value : null;
    },

    set(key, value, ttlMs) {
      write(key, { value, expiresAt: now() + ttlMs });
    },

    setIfAbsent(key, value, ttlMs) {
      const at = now();
      if (read(key, at)) return false;

      write(key, { value, expiresAt: at + ttlMs });

      return true;
    },

    delete(key) {
      entries.delete(prefix + key);
    },

    async ready() {},

    keyCount: () => entries.size,

    async close() {
      entries.clear();
    },
  };
}

// Map order is creation order: the first keys are the oldest.
function dropOldest(entries: Map<string, TEntry>, maxKeys: number): void {
  for (const oldest of entries.keys()) {
    if (entries.size <= maxKeys) return;
    entries.delete(oldest);
  }
}

// Slots of a longer TTL may outlive the one just taken.
function latestLapse(slots: Map<string, number>, atLeast: number): number {
  let latest = atLeast;
  for (const lapsesAt of slots.values()) if (lapsesAt > latest) latest = lapsesAt;

  return latest;
}
