// Counters in this process's memory: the default with a single worker. Expired keys are swept
// and the number of keys is capped, so a flood of distinct clients cannot grow it without end.
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
  /** Keys held, expired ones not yet swept included: for tests and metrics. */
  keyCount(): number;
}

type TEntry =
  | { expiresAt: number; value: string }
  | { expiresAt: number; count: number }
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

    // Map order is creation order: the first keys are the oldest.
    for (const oldest of entries.keys()) {
      if (entries.size <= maxKeys) break;
      entries.delete(oldest);
    }
  };

  const liveSlots = (key: string, at: number) => {
    const entry = read(key, at);
    const slots = entry && 'slots' in entry ? entry.slots : new Map<string, number>();
    for (const [id, lapsesAt] of slots) if (lapsesAt <= at) slots.delete(id);

    return slots;
  };

  const countAt = (key: string, at: number) => {
    const entry = read(key, at);

    return entry && 'count' in entry ? entry.count : 0;
  };

  return {
    kind: 'memory',
    now,

    async hit(key, windowMs) {
      const at = now();
      const index = Math.floor(at / windowMs);
      const current = countAt(`${key}:${index}`, at) + 1;
      write(`${key}:${index}`, { count: current, expiresAt: (index + 2) * windowMs });

      return slidingCount(countAt(`${key}:${index - 1}`, at), current, at, windowMs);
    },

    async acquireSlot(key, slotId, ttlMs) {
      const at = now();
      const slots = liveSlots(key, at);
      slots.set(slotId, at + ttlMs);
      write(key, { slots, expiresAt: Math.max(...slots.values()) });

      return slots.size;
    },

    async renewSlot(key, slotId, ttlMs) {
      const at = now();
      const slots = liveSlots(key, at);
      if (!slots.has(slotId)) return false;

      slots.set(slotId, at + ttlMs);
      write(key, { slots, expiresAt: Math.max(...slots.values()) });

      return true;
    },

    async releaseSlot(key, slotId) {
      const slots = liveSlots(key, now());
      slots.delete(slotId);
      if (slots.size === 0) entries.delete(prefix + key);
    },

    async get(key) {
      const entry = read(key, now());

      return entry && 'value' in entry ? entry.value : null;
    },

    async set(key, value, ttlMs) {
      write(key, { value, expiresAt: now() + ttlMs });
    },

    async setIfAbsent(key, value, ttlMs) {
      const at = now();
      if (read(key, at)) return false;

      write(key, { value, expiresAt: at + ttlMs });

      return true;
    },

    async delete(key) {
      entries.delete(prefix + key);
    },

    async ready() {},

    keyCount: () => entries.size,

    async close() {
      entries.clear();
    },
  };
}
