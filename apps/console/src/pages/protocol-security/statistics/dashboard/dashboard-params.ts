import {
  DASHBOARD_BUCKETS,
  type TDashboardBucket,
  type TDashboardParams,
  type TDashboardRange,
} from '../../../../api/dashboard.ts';

// A dashboard is about now: the last hour, in minutes, unless the URL says otherwise.
export const DEFAULT_DASHBOARD_RANGE: TDashboardRange = 'hour';

export const DASHBOARD_RANGE_LABELS: Record<TDashboardRange, string> = {
  hour: 'Last hour',
  day: 'Last day',
  week: 'Last week',
};

export const BUCKET_LABELS: Record<TDashboardBucket, string> = {
  '1m': '1 minute',
  '15m': '15 minutes',
  '1h': '1 hour',
  '6h': '6 hours',
};

function isRange(value: string | null): value is TDashboardRange {
  return value !== null && Object.hasOwn(DASHBOARD_BUCKETS, value);
}

/**
 * `?range=hour|day|week&bucket=1m|15m|1h|6h` from the URL. A bucket the range does not
 * allow (a week in minutes) falls back to the range's default, so a hand-edited URL
 * still shows a dashboard rather than the API's refusal.
 */
export function readDashboardParams(search: URLSearchParams): TDashboardParams {
  const rawRange = search.get('range');
  const range = isRange(rawRange) ? rawRange : DEFAULT_DASHBOARD_RANGE;
  const buckets = DASHBOARD_BUCKETS[range];
  const bucket = buckets.find((b) => b === search.get('bucket')) ?? buckets[0];

  return { range, bucket };
}
