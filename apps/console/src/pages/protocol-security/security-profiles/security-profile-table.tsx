import type { TSecurityProfile } from '@portcullis/contracts';
import { Link } from 'react-router';
import type { TTableSelection } from '../../../components/list-screen.tsx';
import { CheckAll, EmptyRow, SelectCell } from '../../../components/table-parts.tsx';
import { SECURITY_PROFILE_LIST_PATH } from './security-profile-paths.ts';

type TSecurityProfileTableProps = TTableSelection & { items: TSecurityProfile[] };

const COLUMNS = 4;

export function SecurityProfileTable(props: TSecurityProfileTableProps) {
  const { items, selected, onToggle, onToggleAll } = props;
  // The system profile cannot be deleted, so it never gets a check box.
  const ids = items.filter((p) => !p.isSystem).map((p) => p.id);

  return (
    <table className="data-table" aria-label="SMTP security profiles">
      <thead>
        <tr>
          <th className="data-table__check">
            <CheckAll ids={ids} selected={selected} onChange={(on) => onToggleAll(ids, on)} />
          </th>
          <th>Name</th>
          <th>Remote Logging</th>
          <th>Assigned To</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((profile) => (
          <tr key={profile.id} className={selected.has(profile.id) ? 'is-selected' : undefined}>
            <SelectCell
              item={profile}
              selected={selected}
              onToggle={onToggle}
              isSelectable={!profile.isSystem}
            />
            <td>
              <Link to={`${SECURITY_PROFILE_LIST_PATH}/${profile.id}`}>{profile.name}</Link>
              {profile.isSystem && <span className="hint"> (system)</span>}
              {profile.description && <div className="hint">{profile.description}</div>}
            </td>
            <td>{profile.remoteLogging ? 'Enabled' : 'Disabled'}</td>
            <td>
              {profile.serviceProfiles.length === 0
                ? <span className="hint">None</span>
                : profile.serviceProfiles.join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
