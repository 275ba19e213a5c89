import type { TApiToken } from '../../api/tokens.ts';
import { ROLE_LABELS } from '../../auth/permissions.ts';
import { StatusDot } from '../../components/status-dot.tsx';
import { EmptyRow } from '../../components/table-parts.tsx';
import { formatTime } from '../../format/format-time.ts';
import { tokenStatus } from './token-status.ts';

type TTokenTableProps = { items: TApiToken[]; onRevoke: (token: TApiToken) => void };

const COLUMNS = 7;

export function TokenTable({ items, onRevoke }: TTokenTableProps) {
  return (
    <table className="data-table" aria-label="API tokens">
      <thead>
        <tr>
          <th className="data-table__status">Status</th>
          <th>Name</th>
          <th>Role</th>
          <th>Created</th>
          <th>Expires</th>
          <th>Last Used</th>
          <th><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((token) => {
          const status = tokenStatus(token);

          return (
            <tr key={token.id}>
              <td className="data-table__status">
                <span className="status-cell">
                  <StatusDot tone={status.tone} label={status.label} />
                  {status.label}
                </span>
              </td>
              <td>{token.name}</td>
              <td>{ROLE_LABELS[token.role]}</td>
              <td className="nowrap">{formatTime(token.createdAt)}</td>
              <td className="nowrap">{formatTime(token.expiresAt)}</td>
              <td className="nowrap">
                {token.lastUsedAt ? formatTime(token.lastUsedAt) : 'never'}
              </td>
              <td className="parameter-actions">
                {status.label === 'Active' && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke...
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
