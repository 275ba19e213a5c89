import type { TDashboard } from '../../../../api/dashboard.ts';
import { InfoBanner } from '../../../../components/error-banner.tsx';
import { describeBucket, formatMinute } from './bucket-time.ts';
import { MESSAGE_LINES, VIOLATION_LINES } from './chart-lines.ts';
import { DASHBOARD_RANGE_LABELS } from './dashboard-params.ts';
import { SeriesChart } from './series-chart.tsx';
import { TopClientsTable } from './top-clients-table.tsx';
import { TopViolationsTable } from './top-violations-table.tsx';
import { TotalsTiles } from './totals-tiles.tsx';
import { VirtualServerTrafficTable } from './virtual-server-traffic-table.tsx';

type TDashboardBodyProps = {
  dashboard: TDashboard;
  // The previous range's figures, shown dimmed while the chosen one loads.
  isStale: boolean;
};

function isQuiet({ totals }: TDashboard): boolean {
  return Object.values(totals).every((count) => count === 0);
}

function quietMessage(rangeLabel: string): string {
  return `No traffic yet in the ${rangeLabel.toLowerCase()}: no connections, messages or ` +
    'violations were counted. Traffic shows here as soon as a virtual server takes mail.';
}

/** Everything below the toolbar, for one answer of the API. */
export function DashboardBody({ dashboard, isStale }: TDashboardBodyProps) {
  const rangeLabel = DASHBOARD_RANGE_LABELS[dashboard.range];

  return (
    <div className={isStale ? 'dashboard dashboard--stale' : 'dashboard'} aria-busy={isStale}>
      <p className="stats-range">
        {rangeLabel}, one point {describeBucket(dashboard.bucketSeconds)}: from{' '}
        {formatMinute(dashboard.from)} to {formatMinute(dashboard.to)}
      </p>
      {isQuiet(dashboard) ? (
        <InfoBanner message={quietMessage(rangeLabel)} />
      ) : (
        <>
          <TotalsTiles dashboard={dashboard} />
          <div className="dash-grid">
            <SeriesChart title="Messages" dashboard={dashboard} lines={MESSAGE_LINES} />
            <SeriesChart title="Violations" dashboard={dashboard} lines={VIOLATION_LINES} />
          </div>
          <div className="dash-grid">
            <TopViolationsTable dashboard={dashboard} />
            <TopClientsTable dashboard={dashboard} />
          </div>
          <VirtualServerTrafficTable dashboard={dashboard} />
        </>
      )}
    </div>
  );
}
