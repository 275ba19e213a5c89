import { Link } from 'react-router';
import type { TDashboard } from '../../../../api/dashboard.ts';
import { formatCount } from '../../../../format/format-count.ts';
import { violationListPath } from '../statistics-paths.ts';
import { ShareBar } from './share-bar.tsx';

/** The most frequent violations of the window; each opens the violations it counted. */
export function TopViolationsTable({ dashboard }: { dashboard: TDashboard }) {
  const { topViolations, from, to } = dashboard;
  const largest = topViolations[0]?.count ?? 0;

  return (
    <table className="data-table dash-table" aria-label="Top violations">
      <caption className="property-table__heading">Top violations</caption>
      <thead>
        <tr>
          <th>Violation</th>
          <th className="dash-table__narrow">Protocol</th>
          <th className="dash-table__share">Occurrences</th>
        </tr>
      </thead>
      <tbody>
        {topViolations.length === 0 && (
          <tr className="data-table__empty">
            <td colSpan={3}>No violations in this time range.</td>
          </tr>
        )}
        {topViolations.map(({ protocol, violation, label, count }) => (
          <tr key={`${protocol}/${violation}`}>
            <td>
              <Link to={violationListPath({ from, to, protocol, violation })}>{label}</Link>
              <span className="hint mono">{violation}</span>
            </td>
            <td>{protocol}</td>
            <td>
              <ShareBar count={count} largest={largest}>{formatCount(count)}</ShareBar>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
