import { Link } from 'react-router';
import type { TUser } from '../../../api/users.ts';
import { ROLE_LABELS } from '../../../auth/permissions.ts';
import { StatusDot } from '../../../components/status-dot.tsx';
import { EmptyRow } from '../../../components/table-parts.tsx';
import { formatTime } from '../../../format/format-time.ts';
import { USER_LIST_PATH } from './user-draft.ts';

const COLUMNS = 4;

export function UserTable({ items }: { items: TUser[] }) {
  return (
    <table className="data-table" aria-label="Users">
      <thead>
        <tr>
          <th>Username</th>
          <th>Role</th>
          <th>Status</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((user) => {
          const status = user.disabled ? 'Disabled' : 'Enabled';

          return (
            <tr key={user.username}>
              <td>
                <Link to={`${USER_LIST_PATH}/${encodeURIComponent(user.username)}`}>
                  {user.username}
                </Link>
              </td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>
                <span className="status-cell">
                  <StatusDot tone={user.disabled ? 'grey' : 'green'} label={status} />
                  {status}
                </span>
              </td>
              <td className="nowrap">{formatTime(user.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
