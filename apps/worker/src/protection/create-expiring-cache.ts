// A small cache of values that expire, bounded in size (the oldest entry goes first).

export interface TExpiringCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export function createExpiringCache<T>(
  ttlMs: number,
  maxEntries: number,
  now: () => number = Date.now,
): TExpiringCache<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt > now()) return entry.value;

      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
  };
}
