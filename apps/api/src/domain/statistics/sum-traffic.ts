import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type {
  TTrafficCounters,
  TTrafficQuery,
  TTrafficStatistics,
} from '../../schemas/statistics-schemas.ts';
import { SERIES_RANGE_LIMIT_MS, type TRange } from './resolve-range.ts';

type TSums = {
  connections: number | null;
  messages: number | null;
  bytes: bigint | null;
  recipients: number | null;
  alarmed: number | null;
  blocked: number | null;
};

const SUM = {
  connections: true,
  messages: true,
  bytes: true,
  recipients: true,
  alarmed: true,
  blocked: true,
} as const;

function toCounters(sums: TSums): TTrafficCounters {
  return {
    connections: sums.connections ?? 0,
    messages: sums.messages ?? 0,
    bytes: Number(sums.bytes ?? 0),
    recipients: sums.recipients ?? 0,
    alarmed: sums.alarmed ?? 0,
    blocked: sums.blocked ?? 0,
  };
}

function groupKey(row: { securityProfile: string; virtualServer: string }): string {
  return `${row.securityProfile}\n${row.virtualServer}`;
}

async function loadSeries(db: TDb, where: object) {
  const rows = await db.trafficMinute.findMany({ where, orderBy: { minute: 'asc' } });
  const series = new Map<string, Array<TTrafficCounters & { minute: string }>>();

  // Each stored row is already one minute's value; they are only sorted into groups.
  for (const row of rows) {
    const points = series.get(groupKey(row)) ?? [];
    points.push({ ...toCounters(row), minute: row.minute.toISOString() });
    series.set(groupKey(row), points);
  }

  return series;
}

/**
 * Traffic over a range per security profile and virtual server, totalled in SQL
 * (GROUP BY over the per-minute rows, whose key begins with the minute).
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

  const where = {
    minute: { gte: range.from, lt: range.to },
    securityProfile: query.securityProfile,
    virtualServer: query.virtualServer,
  };
  const groups = await db.trafficMinute.groupBy({
    by: ['securityProfile', 'virtualServer'],
    where,
    _sum: SUM,
    orderBy: [{ securityProfile: 'asc' }, { virtualServer: 'asc' }],
  });
  const totals = await db.trafficMinute.aggregate({ where, _sum: SUM });
  const series = isSeries ? await loadSeries(db, where) : undefined;

  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    totals: toCounters(totals._sum),
    groups: groups.map((group) => ({
      securityProfile: group.securityProfile,
      virtualServer: group.virtualServer,
      ...toCounters(group._sum),
      ...(series ? { series: series.get(groupKey(group)) ?? [] } : {}),
    })),
  };
}
