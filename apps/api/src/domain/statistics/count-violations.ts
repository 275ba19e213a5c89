import type { TDb } from '../../db.ts';
import type { TViolationStatistics } from '../../schemas/statistics-schemas.ts';
import { labelViolation } from './label-violation.ts';
import type { TRange } from './resolve-range.ts';
import { violationSource } from './violation-source.ts';

type TPair = { protocol: string; violation: string; count: number };

// Largest first; ties by name (code point order), so the order is stable.
function byCountThenName<T extends { count: number }>(nameOf: (item: T) => string) {
  return (a: T, b: T) => {
    if (a.count !== b.count) return b.count - a.count;

    return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
  };
}

function totalBy(pairs: TPair[], keyOf: (pair: TPair) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const pair of pairs) totals.set(keyOf(pair), (totals.get(keyOf(pair)) ?? 0) + pair.count);

  return totals;
}

/**
 * Violations in a range counted by protocol and violation together, and by each
 * alone, largest first. One GROUP BY over the hourly rollup and the partial
 * hours at either end (see violationSource).
 */
export async function countViolations(db: TDb, range: TRange): Promise<TViolationStatistics> {
  const pairs = await db.$queryRaw<TPair[]>`
    SELECT "protocol", "violation", sum("count")::int AS "count"
    FROM ${violationSource(range)}
    GROUP BY 1, 2`;
  const byProtocol = [...totalBy(pairs, (pair) => pair.protocol)]
    .map(([protocol, count]) => ({ protocol, count }))
    .sort(byCountThenName((item) => item.protocol));
  const byViolation = [...totalBy(pairs, (pair) => pair.violation)]
    .map(([violation, count]) => ({ violation, label: labelViolation(violation), count }))
    .sort(byCountThenName((item) => item.violation));

  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    total: pairs.reduce((sum, pair) => sum + pair.count, 0),
    byProtocol,
    byViolation,
    byProtocolAndViolation: pairs
      .map((pair) => ({ ...pair, label: labelViolation(pair.violation) }))
      .sort(byCountThenName((item) => `${item.protocol}\n${item.violation}`)),
  };
}
