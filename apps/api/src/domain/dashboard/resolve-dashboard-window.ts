import { AppError } from '../../errors/app-error.ts';
import type {
  TDashboardBucket,
  TDashboardQuery,
  TDashboardRange,
} from '../../schemas/dashboard-schemas.ts';

export type TDashboardWindow = {
  range: TDashboardRange;
  bucket: TDashboardBucket;
  bucketMs: number;
  from: Date;
  to: Date;
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const BUCKET_MS: Record<TDashboardBucket, number> = {
  '1m': MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
};

// Each range with the buckets it may be cut into, the default first: 60, 96 or
// 24, and 168 or 28 points, as many as a chart shows legibly.
const RANGES: Record<TDashboardRange, { spanMs: number; buckets: TDashboardBucket[] }> = {
  hour: { spanMs: HOUR_MS, buckets: ['1m'] },
  day: { spanMs: 24 * HOUR_MS, buckets: ['15m', '1h'] },
  week: { spanMs: 7 * 24 * HOUR_MS, buckets: ['1h', '6h'] },
};

/**
 * The window a dashboard shows: whole buckets, aligned to UTC, the last of them
 * holding `to` (now by default, so the last point is the bucket in progress).
 */
export function resolveDashboardWindow(
  query: Pick<TDashboardQuery, 'range' | 'bucket' | 'to'>,
  now = new Date(),
): TDashboardWindow {
  const { spanMs, buckets } = RANGES[query.range];
  const bucket = query.bucket ?? (buckets[0] as TDashboardBucket);
  if (!buckets.includes(bucket)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `a ${query.range} is shown in buckets of ${buckets.join(' or ')}`,
      { field: 'bucket' },
    );
  }

  const bucketMs = BUCKET_MS[bucket];
  const end = query.to ? Date.parse(query.to) : now.getTime();
  const to = (Math.floor(end / bucketMs) + 1) * bucketMs;

  return { range: query.range, bucket, bucketMs, from: new Date(to - spanMs), to: new Date(to) };
}
