import type { TSecurityProfile } from '@portcullis/contracts';
import { EmptyRow } from '../../../components/table-parts.tsx';
import type { TAssignmentDraft, TAssignmentRow } from './assignment-draft.ts';

type TSmtpAssignmentTableProps = {
  rows: TAssignmentRow[];
  draft: TAssignmentDraft;
  securityProfiles: TSecurityProfile[];
  // The row the last refusal was about, and what it said.
  rowError: { serviceProfile: string; message: string } | null;
  onChange: (serviceProfile: string, securityProfile: string) => void;
};

const COLUMNS = 4;

function selectId(serviceProfile: string): string {
  return `assign-${serviceProfile}`;
}

export function SmtpAssignmentTable(props: TSmtpAssignmentTableProps) {
  const { rows, draft, securityProfiles, rowError, onChange } = props;

  return (
    <table className="data-table" aria-label="SMTP profiles assignment">
      <thead>
        <tr>
          <th>Service Profile</th>
          <th>Virtual Servers using it</th>
          <th>Protocol Security</th>
          <th>Assigned Security Profile</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <EmptyRow columns={COLUMNS} />}
        {rows.map((row) => {
          const error = rowError?.serviceProfile === row.serviceProfile ? rowError.message : null;
          const errorId = `${selectId(row.serviceProfile)}-error`;

          return (
            <tr key={row.serviceProfile} className={error ? 'is-invalid' : undefined}>
              <td>{row.serviceProfile}</td>
              <td>
                {row.virtualServers.length === 0
                  ? <span className="hint">None</span>
                  : row.virtualServers.join(', ')}
              </td>
              <td>{row.protocolSecurity ? 'Enabled' : 'Disabled'}</td>
              <td>
                <select
                  id={selectId(row.serviceProfile)}
                  aria-label={`Security profile for ${row.serviceProfile}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  value={draft[row.serviceProfile] ?? row.securityProfile ?? ''}
                  onChange={(event) => onChange(row.serviceProfile, event.target.value)}
                >
                  {!row.securityProfile && <option value="">None</option>}
                  {securityProfiles.map((profile) => (
                    <option key={profile.id} value={profile.name}>{profile.name}</option>
                  ))}
                </select>
                {!row.protocolSecurity && (
                  <span className="hint">not in force while Protocol Security is disabled</span>
                )}
                {error && <span id={errorId} className="field-error" role="alert">{error}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
