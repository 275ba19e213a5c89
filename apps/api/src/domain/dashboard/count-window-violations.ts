import type { TDb } from '../../db.ts';
import type { TRange } from '../statistics/resolve-range.ts';
import { violationSource } from '../statistics/violation-source.ts';

export type TWindowViolations = {
  byPair: Array<{ protocol: string; violation: string; count: number }>;
  byVirtualServer: Map<string, number>;
};

type TGroupRow = {
  isPair: boolean;
  protocol: string | null;
  violation: string | null;
  virtualServer: string | null;
  count: number;
};

/**
 * Violations in a window counted by protocol and violation, largest first, and
 * by virtual server: both groupings in one pass over the rollup (GROUPING SETS).
 */
export async function countWindowViolations(db: TDb, range: TRange): Promise<TWindowViolations> {
  const rows = await db.$queryRaw<TGroupRow[]>`
    SELECT grouping("virtualServer") = 1 AS "isPair", "protocol", "violation",
      "virtualServer", sum("count")::int AS "count"
    FROM ${violationSource(range)}
    GROUP BY GROUPING SETS (("protocol", "violation"), ("virtualServer"))
    ORDER BY "count" DESC, "protocol", "violation"`;

  const byPair = rows
    .filter((row) => row.isPair)
    .map((row) => ({
      protocol: row.protocol ?? '',
      violation: row.violation ?? '',
      count: row.count,
    }));
  const byVirtualServer = new Map(
    rows.filter((row) => !row.isPair).map((row) => [row.virtualServer ?? '', row.count]),
  );

  return { byPair, byVirtualServer };
}
