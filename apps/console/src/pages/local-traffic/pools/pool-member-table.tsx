import { MemberStatusDot } from '../../../components/status-dot.tsx';
import { EmptyRow } from '../../../components/table-parts.tsx';
import { fieldId, type TFormErrors } from '../../../forms/use-form-errors.ts';
import { POOL_FORM_ID } from './pool-draft.ts';
import type { TMemberRow } from './pool-members-section.tsx';

type TPoolMemberTableProps = {
  members: TMemberRow[];
  errors: TFormErrors;
  isBusy: boolean;
  onDelete: (row: TMemberRow, index: number) => void;
};

const MEMBER_FIELDS = ['nodeName', 'address', 'servicePort', 'ratio', 'enabled'];

// A save that fails on `members.2.address` marks row 2 with the message.
function rowError(errors: TFormErrors, index: number) {
  for (const field of MEMBER_FIELDS) {
    const path = `members.${index}.${field}`;
    const message = errors.messageFor(path);

    if (message) return { path, message };
  }

  return undefined;
}

export function PoolMemberTable({ members, errors, isBusy, onDelete }: TPoolMemberTableProps) {
  return (
    <table className="data-table data-table--inner" aria-label="Pool members">
      <thead>
        <tr>
          <th className="data-table__status">Status</th>
          <th>Node Name</th>
          <th>Address</th>
          <th>Service Port</th>
          <th><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {members.length === 0 && <EmptyRow columns={5} />}
        {members.map((member, index) => {
          const problem = rowError(errors, index);
          const label = `${member.address}:${member.servicePort}`;

          return (
            <tr key={member.key} className={problem ? 'is-invalid' : undefined}>
              <td className="data-table__status">
                {member.status
                  ? <MemberStatusDot status={member.status} name={label} />
                  : <span className="hint" title="Status appears once the pool is saved">new</span>}
              </td>
              <td>{member.nodeName}</td>
              <td className="mono">
                {member.address}
                {problem && (
                  <span
                    id={fieldId(POOL_FORM_ID, problem.path)}
                    tabIndex={-1}
                    className="field-error"
                    role="alert"
                  >
                    {problem.message}
                  </span>
                )}
              </td>
              <td>{member.servicePort}</td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  disabled={isBusy}
                  aria-label={`Delete member ${member.nodeName} (${label})`}
                  onClick={() => onDelete(member, index)}
                >
                  Delete
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
