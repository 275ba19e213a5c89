import { queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery } from './api-fetch.ts';

// The statistics schemas live in apps/api (schemas/statistics-schemas.ts).
export type TViolationCount = { violation: string; label: string; count: number };

export type TViolationStatistics = {
  from: string;
  to: string;
  total: number;
  byProtocol: Array<{ protocol: string; count: number }>;
  byViolation: TViolationCount[];
  // Newer APIs count each protocol and violation pair as well.
  byProtocolAndViolation?: Array<TViolationCount & { protocol: string }>;
};

export type TTrafficCounters = {
  connections: number;
  messages: number;
  bytes: number;
  recipients: number;
  alarmed: number;
  blocked: number;
};

export type TTrafficStatistics = {
  from: string;
  to: string;
  totals: TTrafficCounters;
  groups: Array<TTrafficCounters & { securityProfile: string; virtualServer: string }>;
};

export const RANGE_PRESETS = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export type TRangePreset = keyof typeof RANGE_PRESETS;

/** A range that ends now (a preset), or a fixed one from the URL. */
export type TStatisticsRange = { last: TRangePreset } | { from: string; to: string };

// A preset is turned into times when it is fetched, so its query key stays the same
// while "now" moves on; each answer says which range it counted.
function toRangeQuery(range: TStatisticsRange): { from: string; to?: string } {
  if ('from' in range) return range;

  return { from: new Date(Date.now() - RANGE_PRESETS[range.last]).toISOString() };
}

export const statisticsKeys = {
  all: ['statistics'] as const,
  violations: (range: TStatisticsRange) => [...statisticsKeys.all, 'violations', range] as const,
  traffic: (range: TStatisticsRange) => [...statisticsKeys.all, 'traffic', range] as const,
};

export function violationStatisticsQuery(range: TStatisticsRange) {
  return queryOptions({
    queryKey: statisticsKeys.violations(range),
    queryFn: ({ signal }) =>
      apiFetch<TViolationStatistics>(withQuery('/statistics/violations', toRangeQuery(range)), {
        signal,
      }),
  });
}

export function trafficStatisticsQuery(range: TStatisticsRange) {
  return queryOptions({
    queryKey: statisticsKeys.traffic(range),
    queryFn: ({ signal }) =>
      apiFetch<TTrafficStatistics>(withQuery('/statistics/traffic', toRangeQuery(range)), {
        signal,
      }),
  });
}
