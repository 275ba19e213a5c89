import { Prisma } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import type { TTrafficCounters } from '../../schemas/statistics-schemas.ts';
import {
  SUM_COUNTERS,
  toTrafficCounters,
  type TTrafficSumRow,
} from '../statistics/traffic-sums.ts';
import type { TDashboardWindow } from './resolve-dashboard-window.ts';
import { bucketExpression } from './bucket-expression.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Traffic per bucket, keyed by the bucket's start (ms). Buckets of an hour or
 * more add up hourly rollup rows; shorter ones the minute rows. The window is
 * aligned to its buckets, so either is exact.
 */
export async function loadTrafficSeries(
  db: TDb,
  window: TDashboardWindow,
): Promise<Map<number, TTrafficCounters>> {
  const isHourly = window.bucketMs >= HOUR_MS;
  const table = Prisma.raw(isHourly ? '"TrafficHour"' : '"TrafficMinute"');
  const column = isHourly ? 'hour' : 'minute';
  const rows = await db.$queryRaw<Array<TTrafficSumRow & { bucket: Date }>>`
    SELECT ${bucketExpression(column, window.bucketMs)} AS "bucket", ${SUM_COUNTERS}
    FROM ${table}
    WHERE ${Prisma.raw(`"${column}"`)} >= ${window.from}
      AND ${Prisma.raw(`"${column}"`)} < ${window.to}
    GROUP BY 1`;

  return new Map(rows.map((row) => [row.bucket.getTime(), toTrafficCounters(row)]));
}
