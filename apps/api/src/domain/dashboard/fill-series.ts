import type { TDashboard } from '../../schemas/dashboard-schemas.ts';
import type { TTrafficCounters } from '../../schemas/statistics-schemas.ts';
import { emptyTrafficCounters } from '../statistics/traffic-sums.ts';
import type { TDashboardWindow } from './resolve-dashboard-window.ts';

/**
 * One point for every bucket of the window, oldest first, empty buckets as zeros:
 * charts then draw gaps in traffic as drops to zero, not as lines across them.
 */
export function fillSeries(
  window: TDashboardWindow,
  traffic: Map<number, TTrafficCounters>,
  violations: Map<number, number>,
): TDashboard['series'] {
  const points: TDashboard['series'] = [];

  for (let start = window.from.getTime(); start < window.to.getTime(); start += window.bucketMs) {
    points.push({
      time: new Date(start).toISOString(),
      ...(traffic.get(start) ?? emptyTrafficCounters()),
      violations: violations.get(start) ?? 0,
    });
  }

  return points;
}
