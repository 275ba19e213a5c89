import type { TAuditEntry } from '../../../api/audit.ts';
import { EmptyRow } from '../../../components/table-parts.tsx';
import { formatTime } from '../../../format/format-time.ts';

type TAuditTableProps = {
  items: TAuditEntry[];
  openedId: string | null;
  onOpen: (id: string) => void;
};

const COLUMNS = 6;

export function AuditTable({ items, openedId, onOpen }: TAuditTableProps) {
  return (
    <table className="data-table" aria-label="Audit log">
      <thead>
        <tr>
          <th>Time</th>
          <th>User</th>
          <th>Address</th>
          <th>Action</th>
          <th>Object Type</th>
          <th>Object</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((entry) => (
          <tr key={entry.id} className={entry.id === openedId ? 'is-selected' : undefined}>
            <td className="nowrap">
              <button
                type="button"
                className="link-button"
                aria-label={`Details of ${entry.action} ${entry.objectType} ${entry.objectName}`}
                aria-expanded={entry.id === openedId}
                onClick={() => onOpen(entry.id)}
              >
                {formatTime(entry.time)}
              </button>
            </td>
            <td>{entry.actor}</td>
            <td className="mono">{entry.address}</td>
            <td>{entry.action}</td>
            <td>{entry.objectType}</td>
            <td>{entry.objectName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
