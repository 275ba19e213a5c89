// An audit entry keeps the whole object before and after a change; a person wants the
// few fields that changed. Objects are compared field by field down to plain values
// (dotted paths such as `settings.rateLimit.max`); arrays count as one value.
export type TFieldChange = {
  path: string;
  before: string | undefined;
  after: string | undefined;
};

type TFlat = Map<string, string>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as one line of text: strings bare, everything else as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';

  return JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, into: TFlat): TFlat {
  if (!isPlainObject(value)) {
    if (prefix !== '' || value !== null) into.set(prefix || '(value)', showValue(value));

    return into;
  }
  for (const [key, child] of Object.entries(value)) {
    flatten(child, prefix ? `${prefix}.${key}` : key, into);
  }

  return into;
}

/** The fields that differ, in the order they first appear; a side lacking one is undefined. */
export function diffFields(before: unknown, after: unknown): TFieldChange[] {
  const old = flatten(before, '', new Map());
  const next = flatten(after, '', new Map());
  const paths = [...new Set([...old.keys(), ...next.keys()])];

  return paths
    .filter((path) => old.get(path) !== next.get(path))
    .map((path) => ({ path, before: old.get(path), after: next.get(path) }));
}
