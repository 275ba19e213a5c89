import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery } from './api-fetch.ts';
import { statisticsKeys, type TTrafficCounters } from './statistics.ts';

// The dashboard schema lives in apps/api (schemas/dashboard-schemas.ts).
export type TDashboardRange = 'hour' | 'day' | 'week';

export type TDashboardBucket = '1m' | '15m' | '1h' | '6h';

export type TDashboardCounters = TTrafficCounters & { violations: number };

export type TDashboard = {
  range: TDashboardRange;
  bucket: TDashboardBucket;
  bucketSeconds: number;
  from: string;
  to: string;
  totals: TDashboardCounters;
  series: Array<TDashboardCounters & { time: string }>;
  topViolations: Array<{ protocol: string; violation: string; label: string; count: number }>;
  topClients: Array<{ clientAddress: string; count: number }>;
  virtualServers: Array<TDashboardCounters & { virtualServer: string }>;
};

export type TDashboardParams = { range: TDashboardRange; bucket: TDashboardBucket };

// The buckets the API cuts each range into, its default first (apps/api,
// resolve-dashboard-window.ts); any other pair is refused there.
type TBucketChoices = [TDashboardBucket, ...TDashboardBucket[]];

export const DASHBOARD_BUCKETS: Record<TDashboardRange, TBucketChoices> = {
  hour: ['1m'],
  day: ['15m', '1h'],
  week: ['1h', '6h'],
};

// A live screen, not a report: a new bucket fills every minute at most, and ten
// seconds keeps the last point current without loading the API for nothing.
export const DASHBOARD_REFRESH_MS = 10_000;

const TOP_LENGTH = 10;

export const dashboardKeys = {
  all: [...statisticsKeys.all, 'dashboard'] as const,
  window: (params: TDashboardParams) => [...dashboardKeys.all, params] as const,
};

// The window ends now at each fetch, so the key stays put while the charts move on.
// The previous answer stays on screen while the next range loads: no flash.
export function dashboardQuery(params: TDashboardParams) {
  return queryOptions({
    queryKey: dashboardKeys.window(params),
    queryFn: ({ signal }) =>
      apiFetch<TDashboard>(withQuery('/dashboard', { ...params, top: TOP_LENGTH }), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: DASHBOARD_REFRESH_MS,
  });
}
