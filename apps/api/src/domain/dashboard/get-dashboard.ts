import type { TDb } from '../../db.ts';
import type { TDashboard } from '../../schemas/dashboard-schemas.ts';
import type { TTrafficCounters } from '../../schemas/statistics-schemas.ts';
import { labelViolation } from '../statistics/label-violation.ts';
import { addTrafficCounters, emptyTrafficCounters } from '../statistics/traffic-sums.ts';
import { countWindowViolations } from './count-window-violations.ts';
import { fillSeries } from './fill-series.ts';
import { findTopClients } from './find-top-clients.ts';
import { loadTrafficSeries } from './load-traffic-series.ts';
import { loadViolationSeries } from './load-violation-series.ts';
import type { TDashboardWindow } from './resolve-dashboard-window.ts';
import { sumVirtualServerTraffic } from './sum-virtual-server-traffic.ts';

// Every virtual server seen in either traffic or violations, most messages first.
function mergeVirtualServers(
  traffic: Map<string, TTrafficCounters>,
  violations: Map<string, number>,
): TDashboard['virtualServers'] {
  const names = new Set([...traffic.keys(), ...violations.keys()]);

  return [...names]
    .map((virtualServer) => ({
      virtualServer,
      ...(traffic.get(virtualServer) ?? emptyTrafficCounters()),
      violations: violations.get(virtualServer) ?? 0,
    }))
    .sort((a, b) => b.messages - a.messages || (a.virtualServer < b.virtualServer ? -1 : 1));
}

/**
 * Everything the dashboard shows for one window: series of traffic and
 * violations, top violations and clients, per virtual server and overall
 * totals. Run it in a repeatable-read transaction, so all parts count the same
 * records and the totals equal the sums of the series.
 */
export async function getDashboard(
  db: TDb,
  window: TDashboardWindow,
  top: number,
): Promise<TDashboard> {
  const trafficSeries = await loadTrafficSeries(db, window);
  const violationSeries = await loadViolationSeries(db, window);
  const perServer = await sumVirtualServerTraffic(db, window);
  const violations = await countWindowViolations(db, window);
  const topClients = await findTopClients(db, window, top);

  const totals = { ...emptyTrafficCounters(), violations: 0 };
  for (const counters of perServer.values()) addTrafficCounters(totals, counters);
  for (const pair of violations.byPair) totals.violations += pair.count;

  return {
    range: window.range,
    bucket: window.bucket,
    bucketSeconds: window.bucketMs / 1000,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    totals,
    series: fillSeries(window, trafficSeries, violationSeries),
    topViolations: violations.byPair
      .slice(0, top)
      .map((pair) => ({ ...pair, label: labelViolation(pair.violation) })),
    topClients,
    virtualServers: mergeVirtualServers(perServer, violations.byVirtualServer),
  };
}
