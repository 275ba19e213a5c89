import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type {
  TTrafficCounters,
  TTrafficQuery,
  TTrafficStatistics,
} from '../../schemas/statistics-schemas.ts';
import { SERIES_RANGE_LIMIT_MS, type TRange } from './resolve-range.ts';
import {
  addTrafficCounters,
  emptyTrafficCounters,
  SUM_COUNTERS,
  toTrafficCounters,
  type TTrafficSumRow,
} from './traffic-sums.ts';
import { trafficSource } from './traffic-source.ts';

type TGroupRow = TTrafficSumRow & { securityProfile: string; virtualServer: string };

function groupKey(row: { securityProfile: string; virtualServer: string }): string {
  return `${row.securityProfile}\n${row.virtualServer}`;
}

// A series is for charts of a day or less, so it reads the minute rows directly.
async function loadSeries(db: TDb, range: TRange, query: TTrafficQuery) {
  const rows = await db.trafficMinute.findMany({
    where: {
      minute: { gte: range.from, lt: range.to },
      securityProfile: query.securityProfile,
      virtualServer: query.virtualServer,
    },
    orderBy: { minute: 'asc' },
  });
  const series = new Map<string, Array<TTrafficCounters & { minute: string }>>();

  // Each stored row is already one minute's value; they are only sorted into groups.
  for (const row of rows) {
    const points = series.get(groupKey(row)) ?? [];
    points.push({ ...toTrafficCounters(row), minute: row.minute.toISOString() });
    series.set(groupKey(row), points);
  }

  return series;
}

/**
 * Traffic over a range per security profile and virtual server, totalled in SQL:
 * whole hours from the hourly rollup, partial hours from the minute rows (see
 * trafficSource), so a week costs about as much as an hour.
 */
export async function sumTraffic(
  db: TDb,
  range: TRange,
  query: TTrafficQuery,
): Promise<TTrafficStatistics> {
  const isSeries = query.series === 'true';
  if (isSeries && range.to.getTime() - range.from.getTime() > SERIES_RANGE_LIMIT_MS) {
    throw new AppError('VALIDATION_FAILED', 'a per-minute series covers at most 24 hours', {
      field: 'from',
    });
  }

  const groups = await db.$queryRaw<TGroupRow[]>`
    SELECT "securityProfile", "virtualServer", ${SUM_COUNTERS}
    FROM ${trafficSource(range, query)}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  const series = isSeries ? await loadSeries(db, range, query) : undefined;
  const totals = emptyTrafficCounters();
  for (const group of groups) addTrafficCounters(totals, toTrafficCounters(group));

  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    totals,
    groups: groups.map((group) => ({
      securityProfile: group.securityProfile,
      virtualServer: group.virtualServer,
      ...toTrafficCounters(group),
      ...(series ? { series: series.get(groupKey(group)) ?? [] } : {}),
    })),
  };
}
