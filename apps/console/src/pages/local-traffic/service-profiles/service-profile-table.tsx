import type { TServiceProfile } from '@portcullis/contracts';
import { Link } from 'react-router';
import type { TTableSelection } from '../../../components/list-screen.tsx';
import { CheckAll, EmptyRow, SelectCell } from '../../../components/table-parts.tsx';
import { SERVICE_PROFILE_LIST_PATH } from './service-profile-options.ts';

type TServiceProfileTableProps = TTableSelection & { items: TServiceProfile[] };

const COLUMNS = 6;

function ProtocolSecurityCell({ profile }: { profile: TServiceProfile }) {
  const state = profile.effective.protocolSecurity ? 'Enabled' : 'Disabled';
  const isInherited = !profile.isSystem && profile.protocolSecurity === null;

  return isInherited ? <span className="hint">{state} (inherited)</span> : <>{state}</>;
}

export function ServiceProfileTable(props: TServiceProfileTableProps) {
  const { items, selected, onToggle, onToggleAll } = props;
  // The system profile cannot be deleted, so it never gets a check box.
  const ids = items.filter((p) => !p.isSystem).map((p) => p.id);

  return (
    <table className="data-table" aria-label="SMTP profiles">
      <thead>
        <tr>
          <th className="data-table__check">
            <CheckAll ids={ids} selected={selected} onChange={(on) => onToggleAll(ids, on)} />
          </th>
          <th>Name</th>
          <th>Parent Profile</th>
          <th>Protocol Security</th>
          <th>Security Profile</th>
          <th>Virtual Servers</th>
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
              <Link to={`${SERVICE_PROFILE_LIST_PATH}/${profile.id}`}>{profile.name}</Link>
              {profile.isSystem && <span className="hint"> (system)</span>}
            </td>
            <td>{profile.parent ?? <span className="hint">None</span>}</td>
            <td><ProtocolSecurityCell profile={profile} /></td>
            <td>{profile.securityProfile ?? <span className="hint">None</span>}</td>
            <td>{profile.virtualServers.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
