import { VIOLATIONS } from '@portcullis/contracts';
import { Link } from 'react-router';
import type { TViolationCount, TViolationStatistics } from '../../../api/statistics.ts';
import { formatCount } from '../../../format/format-count.ts';
import { violationListPath } from './statistics-paths.ts';

// Every violation the gateway records is an SMTP one (the contracts' VIOLATIONS). An
// API that counts only protocols and violations apart has them paired here.
function protocolOf(violation: string): string | null {
  return violation in VIOLATIONS ? 'SMTP' : null;
}

function violationsOf(stats: TViolationStatistics, protocol: string): TViolationCount[] {
  if (stats.byProtocolAndViolation) {
    return stats.byProtocolAndViolation.filter((entry) => entry.protocol === protocol);
  }

  return stats.byViolation.filter((entry) => {
    return (protocolOf(entry.violation) ?? protocol) === protocol;
  });
}

/** Protocol | Violation | Occurrences; each count opens the violations it counted. */
export function ViolationsByProtocolTable({ stats }: { stats: TViolationStatistics }) {
  const range = { from: stats.from, to: stats.to };

  return (
    <table className="data-table stats-table" aria-label="Violations by protocol">
      <caption className="property-table__heading">Violations by protocol</caption>
      <thead>
        <tr>
          <th>Protocol</th>
          <th>Violation</th>
          <th className="data-table__number">Occurrences</th>
        </tr>
      </thead>
      {stats.byProtocol.length === 0 && (
        <tbody>
          <tr className="data-table__empty">
            <td colSpan={3}>No violations in this time range.</td>
          </tr>
        </tbody>
      )}
      {stats.byProtocol.map(({ protocol, count }) => {
        const violations = violationsOf(stats, protocol);

        return (
          <tbody key={protocol}>
            {violations.map((entry, index) => (
              <tr key={entry.violation}>
                {index === 0 && (
                  <th
                    scope="rowgroup"
                    rowSpan={violations.length + 1}
                    className="stats-table__group"
                  >
                    {protocol}
                  </th>
                )}
                <td>
                  {entry.label}
                  <span className="hint mono">{entry.violation}</span>
                </td>
                <td className="data-table__number">
                  <Link
                    to={violationListPath({ ...range, protocol, violation: entry.violation })}
                    aria-label={`${formatCount(entry.count)} ${entry.label} violations`}
                  >
                    {formatCount(entry.count)}
                  </Link>
                </td>
              </tr>
            ))}
            <tr className="stats-table__total">
              {violations.length === 0 && <th scope="rowgroup">{protocol}</th>}
              <td>All {protocol} violations</td>
              <td className="data-table__number">
                <Link to={violationListPath({ ...range, protocol })}>{formatCount(count)}</Link>
              </td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}
