import { Link } from 'react-router';
import type { TDashboard } from '../../../../api/dashboard.ts';
import { formatCount } from '../../../../format/format-count.ts';
import { violationListPath } from '../statistics-paths.ts';
import { ShareBar } from './share-bar.tsx';

/** The client addresses with the most violations; each opens that client's violations. */
export function TopClientsTable({ dashboard }: { dashboard: TDashboard }) {
  const { topClients, from, to } = dashboard;
  const largest = topClients[0]?.count ?? 0;

  return (
    <table className="data-table dash-table" aria-label="Top clients">
      <caption className="property-table__heading">Top clients by violations</caption>
      <thead>
        <tr>
          <th>Client Address</th>
          <th className="dash-table__share">Violations</th>
        </tr>
      </thead>
      <tbody>
        {topClients.length === 0 && (
          <tr className="data-table__empty">
            <td colSpan={2}>No client caused a violation in this time range.</td>
          </tr>
        )}
        {topClients.map(({ clientAddress, count }) => (
          <tr key={clientAddress}>
            <td className="mono">
              <Link to={violationListPath({ from, to, clientAddress })}>{clientAddress}</Link>
            </td>
            <td>
              <ShareBar count={count} largest={largest}>{formatCount(count)}</ShareBar>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
