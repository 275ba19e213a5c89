import { Prisma } from '@portcullis/db';
import type { TTrafficCounters } from '../../schemas/statistics-schemas.ts';

export type TTrafficSumRow = Record<keyof TTrafficCounters, bigint | number | null>;

export const COUNTER_NAMES = [
  'connections',
  'messages',
  'bytes',
  'recipients',
  'alarmed',
  'blocked',
] as const satisfies ReadonlyArray<keyof TTrafficCounters>;

/** The SELECT list that sums every counter of a traffic source, as 64-bit integers. */
export const SUM_COUNTERS = Prisma.raw(
  COUNTER_NAMES.map((name) => `coalesce(sum("${name}"), 0)::bigint AS "${name}"`).join(', '),
);

/** A row of sums as numbers (64-bit sums arrive as bigint). */
export function toTrafficCounters(row: TTrafficSumRow): TTrafficCounters {
  const counters = {} as TTrafficCounters;
  for (const name of COUNTER_NAMES) counters[name] = Number(row[name] ?? 0);

  return counters;
}

export function addTrafficCounters(sum: TTrafficCounters, add: TTrafficCounters): void {
  for (const name of COUNTER_NAMES) sum[name] += add[name];
}

export function emptyTrafficCounters(): TTrafficCounters {
  return { connections: 0, messages: 0, bytes: 0, recipients: 0, alarmed: 0, blocked: 0 };
}
