import type { TDb } from '../../db.ts';
import type { TTrafficCounters } from '../../schemas/statistics-schemas.ts';
import type { TRange } from '../statistics/resolve-range.ts';
import {
  SUM_COUNTERS,
  toTrafficCounters,
  type TTrafficSumRow,
} from '../statistics/traffic-sums.ts';
import { trafficSource } from '../statistics/traffic-source.ts';

/** Traffic in a window per virtual server, over every security profile. */
export async function sumVirtualServerTraffic(
  db: TDb,
  range: TRange,
): Promise<Map<string, TTrafficCounters>> {
  const rows = await db.$queryRaw<Array<TTrafficSumRow & { virtualServer: string }>>`
    SELECT "virtualServer", ${SUM_COUNTERS}
    FROM ${trafficSource(range)}
    GROUP BY 1`;

  return new Map(rows.map((row) => [row.virtualServer, toTrafficCounters(row)]));
}
