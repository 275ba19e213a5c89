import { DAY_MS } from './data-set.ts';
import type { TFilterValues } from './pick-filter-values.ts';

export type TBenchQuery = { name: string; paths: string[]; targetMs: number };

// The targets at the 95th percentile.
const SCREEN_TARGET_MS = 200;
const DASHBOARD_TARGET_MS = 500;

const list = (query: Record<string, string>) =>
  `/api/v1/violations?${new URLSearchParams(query).toString()}`;

/** Every query of the statistics screen and the dashboard, with its target. */
export function statisticsQueries(
  end: Date,
  values: TFilterValues,
  supportIds: string[],
): TBenchQuery[] {
  const day = { from: new Date(end.getTime() - DAY_MS).toISOString(), to: end.toISOString() };
  const week = { from: new Date(end.getTime() - 7 * DAY_MS).toISOString(), to: end.toISOString() };
  const screen = (name: string, ...paths: string[]) => ({
    name,
    paths,
    targetMs: SCREEN_TARGET_MS,
  });
  const dashboard = (name: string, path: string) => ({
    name,
    paths: [path],
    targetMs: DASHBOARD_TARGET_MS,
  });

  return [
    screen('violation list, no filter', list({})),
    screen('violation list, page 50', list({ page: '50' })),
    screen('violation list, protocol', list({ protocol: 'SMTP' })),
    screen(`violation list, common violation`, list({ violation: values.commonViolation })),
    screen(`violation list, rare violation`, list({ violation: values.rareViolation })),
    screen('violation list, virtual server', list({ virtualServer: 'vs_partner' })),
    screen('violation list, security profile', list({ securityProfile: 'smtp_strict' })),
    screen('violation list, service profile', list({ serviceProfile: 'smtp_submission' })),
    screen('violation list, busiest client', list({ clientAddress: values.busiestClient })),
    screen('violation list, past attacker', list({ clientAddress: values.attacker })),
    screen('violation list, attacker /16', list({ clientAddress: values.attackerNetwork })),
    screen('violation list, last day', list(day)),
    screen('violation list, violation + day', list({ ...day, violation: values.commonViolation })),
    screen('violation list, Support ID', ...supportIds.map((supportId) => list({ supportId }))),
    screen('Support ID lookup', ...supportIds.map((id) => `/api/v1/violations/${id}`)),
    screen('violation counts, day', `/api/v1/statistics/violations?${new URLSearchParams(day)}`),
    screen('violation counts, week', `/api/v1/statistics/violations?${new URLSearchParams(week)}`),
    screen('traffic per profile, day', `/api/v1/statistics/traffic?${new URLSearchParams(day)}`),
    screen('traffic per profile, week', `/api/v1/statistics/traffic?${new URLSearchParams(week)}`),
    dashboard('dashboard, hour (1m)', '/api/v1/dashboard?range=hour'),
    dashboard('dashboard, day (15m)', '/api/v1/dashboard?range=day'),
    dashboard('dashboard, day (1h)', '/api/v1/dashboard?range=day&bucket=1h'),
    dashboard('dashboard, week (1h)', '/api/v1/dashboard?range=week'),
    dashboard('dashboard, week (6h)', '/api/v1/dashboard?range=week&bucket=6h'),
  ];
}
