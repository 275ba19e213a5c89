import { Prisma } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import type { TDashboardWindow } from './resolve-dashboard-window.ts';
import { bucketExpression } from './bucket-expression.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Violations per bucket, keyed by the bucket's start (ms). Buckets of an hour or
 * more add up the hourly rollup; shorter ones count violations from the time
 * index alone (a day holds tens of thousands).
 */
export async function loadViolationSeries(
  db: TDb,
  window: TDashboardWindow,
): Promise<Map<number, number>> {
  const isHourly = window.bucketMs >= HOUR_MS;
  const source = isHourly
    ? Prisma.sql`SELECT ${bucketExpression('hour', window.bucketMs)} AS "bucket",
        sum("count")::int AS "count"
      FROM "ViolationHour" WHERE "hour" >= ${window.from} AND "hour" < ${window.to}`
    : Prisma.sql`SELECT ${bucketExpression('time', window.bucketMs)} AS "bucket",
        count(*)::int AS "count"
      FROM "Violation" WHERE "time" >= ${window.from} AND "time" < ${window.to}`;
  const rows = await db.$queryRaw<Array<{ bucket: Date; count: number }>>`${source} GROUP BY 1`;

  return new Map(rows.map((row) => [row.bucket.getTime(), row.count]));
}
