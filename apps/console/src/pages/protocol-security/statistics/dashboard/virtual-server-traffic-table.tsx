import { Link } from 'react-router';
import type { TDashboard, TDashboardCounters } from '../../../../api/dashboard.ts';
import { formatBytes, formatCount } from '../../../../format/format-count.ts';
import { violationListPath } from '../statistics-paths.ts';

const COUNTERS: Array<{ key: keyof TDashboardCounters; label: string }> = [
  { key: 'connections', label: 'Connections' },
  { key: 'messages', label: 'Messages' },
  { key: 'bytes', label: 'Bytes' },
  { key: 'alarmed', label: 'Alarmed' },
  { key: 'blocked', label: 'Blocked' },
  { key: 'violations', label: 'Violations' },
];

type TCounterCellProps = {
  row: TDashboard['virtualServers'][number];
  name: keyof TDashboardCounters;
  dashboard: TDashboard;
};

// Bytes read at a glance with the exact count in a tooltip; violations open their list.
function CounterCell({ row, name, dashboard }: TCounterCellProps) {
  const value = row[name];

  if (name === 'bytes') {
    return <span title={`${formatCount(value)} bytes`}>{formatBytes(value)}</span>;
  }
  if (name !== 'violations' || value === 0) return formatCount(value);
  const { from, to } = dashboard;

  return (
    <Link
      to={violationListPath({ from, to, virtualServer: row.virtualServer })}
      aria-label={`${formatCount(value)} violations on ${row.virtualServer}`}
    >
      {formatCount(value)}
    </Link>
  );
}

/** Every virtual server with traffic or violations in the window, busiest first. */
export function VirtualServerTrafficTable({ dashboard }: { dashboard: TDashboard }) {
  return (
    <table className="data-table dash-table" aria-label="Traffic by virtual server">
      <caption className="property-table__heading">Traffic by virtual server</caption>
      <thead>
        <tr>
          <th>Virtual Server</th>
          {COUNTERS.map(({ key, label }) => (
            <th key={key} className="data-table__number">{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dashboard.virtualServers.length === 0 && (
          <tr className="data-table__empty">
            <td colSpan={COUNTERS.length + 1}>
              No virtual server had traffic in this time range.
            </td>
          </tr>
        )}
        {dashboard.virtualServers.map((row) => (
          <tr key={row.virtualServer}>
            <td>{row.virtualServer}</td>
            {COUNTERS.map(({ key }) => (
              <td key={key} className="data-table__number">
                <CounterCell row={row} name={key} dashboard={dashboard} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
