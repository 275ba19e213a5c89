export const DEFAULT_VIRUS_HEADER_NAMES = ['X-Virus-Name', 'X-Infection-Found'] as const;

const MAX_THREAT_LENGTH = 200;

/** The virus_header_name setting as lower-case header names. */
export function normalizeHeaderNames(names: string | readonly string[] | undefined): string[] {
  const list = typeof names === 'string' ? names.split(',') : (names ?? DEFAULT_VIRUS_HEADER_NAMES);

  return list.map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
}

/**
 * The threat named by the first configured header present, or null when none
 * is. `Threat=<name>;` is used when the value has that form (c-icap's
 * X-Infection-Found), the third field of a violations list (X-Violations-Found:
 * count, file, threat, ...), else the whole value; a header that names nothing
 * still reports an infection, as 'unknown'.
 */
export function findThreat(
  headers: Record<string, string>,
  names: readonly string[],
): string | null {
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) continue;

    return sanitize(extractName(value)) || 'unknown';
  }

  return null;
}

function extractName(value: string): string {
  const threat = /(?:^|[;\s])Threat=([^;]*)/i.exec(value);
  if (threat) return threat[1]!;

  const violations = /^\d+\s+\S+\s+(\S+)/.exec(value);
  if (violations) return violations[1]!;

  return value;
}

function sanitize(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '').trim().slice(0, MAX_THREAT_LENGTH);
}
