function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `patch` laid over `base`: nested objects merge key by key, anything else (a
 * value, an array) replaces what was there; an undefined value changes nothing.
 * Neither argument is modified.
 */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch as T;

  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;

    merged[key] = deepMerge(merged[key], value);
  }

  return merged as T;
}
