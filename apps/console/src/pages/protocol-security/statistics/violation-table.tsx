import { Link, useLocation } from 'react-router';
import type { TViolationView } from '../../../api/violations.ts';
import { EmptyRow } from '../../../components/table-parts.tsx';
import { formatTime } from '../../../format/format-time.ts';
import { violationDetailPath } from './statistics-paths.ts';
import { ACTION_LABELS, recordedViolationLabel } from './violation-labels.ts';

const COLUMNS = 8;

/** The list, newest first; the Support ID opens everything recorded about one. */
export function ViolationTable({ items }: { items: TViolationView[] }) {
  // The detail screen's way back keeps these filters and this page.
  const { search } = useLocation();

  return (
    <table className="data-table" aria-label="Violations">
      <thead>
        <tr>
          <th>Time</th>
          <th>Support ID</th>
          <th>Violation</th>
          <th>Action</th>
          <th>Client</th>
          <th>Sender</th>
          <th>Virtual Server</th>
          <th>Security Profile</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((record) => (
          <tr key={record.id}>
            <td className="nowrap">{formatTime(record.time)}</td>
            <td className="mono">
              <Link to={violationDetailPath(record.supportId)} state={{ listSearch: search }}>
                {record.supportId}
              </Link>
            </td>
            <td>{recordedViolationLabel(record.violation)}</td>
            <td>{ACTION_LABELS[record.action]}</td>
            <td className="mono">{record.clientAddress}</td>
            <td className="mono">{record.mailFrom ?? <span className="hint">none</span>}</td>
            <td>{record.virtualServer}</td>
            <td>{record.securityProfile}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
