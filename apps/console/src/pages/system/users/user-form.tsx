import type { ReactNode } from 'react';
import { ROLE_LABELS, ROLES, type TRole } from '../../../auth/permissions.ts';
import { PropertyForm } from '../../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import { isUserField, USER_FORM_ID, type TUserDraft } from './user-draft.ts';

type TUserFormProps = {
  draft: TUserDraft;
  // Edit screens: the username is the user's key and stays; the password is a reset.
  isExisting: boolean;
  error: unknown;
  notice?: string | null;
  onChange: (patch: Partial<TUserDraft>) => void;
  onSubmit: () => void;
  buttons: ReactNode;
};

const RESET_HELP = 'leave blank to keep; a new one signs the user out';

const ROLE_HELP: Record<TRole, string> = {
  ADMINISTRATOR: 'everything, including users and the audit log',
  OPERATOR: 'security profiles and their assignment; reads the rest',
  GUEST: 'reads configuration and statistics only',
};

export function UserForm(props: TUserFormProps) {
  const { draft, isExisting, onChange } = props;
  const errors = useFormErrors(USER_FORM_ID, props.error, isUserField);

  return (
    <PropertyForm
      label="User properties"
      bannerError={errors.bannerError}
      notice={props.notice}
      onSubmit={props.onSubmit}
    >
      <PropertySection title="General Properties">
        <PropertyRow label="Username" {...errors.row('username')}>
          <input
            {...errors.control('username')}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            readOnly={isExisting}
            value={draft.username}
            onChange={(event) => onChange({ username: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label={isExisting ? 'Reset Password' : 'Password'}
          {...errors.row('password')}
          help={<span className="hint">{isExisting ? RESET_HELP : 'at least 12 characters'}</span>}
        >
          <input
            {...errors.control('password')}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(event) => onChange({ password: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label="Role"
          {...errors.row('role')}
          help={<span className="hint hint--block">{ROLE_HELP[draft.role]}</span>}
        >
          <select
            {...errors.control('role')}
            value={draft.role}
            onChange={(event) => onChange({ role: event.target.value as TRole })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>{ROLE_LABELS[role]}</option>
            ))}
          </select>
        </PropertyRow>
        {isExisting && (
          <PropertyRow label="Account" {...errors.row('disabled')}>
            <label className="inline-choice">
              <input
                {...errors.control('disabled')}
                type="checkbox"
                checked={draft.disabled}
                onChange={(event) => onChange({ disabled: event.target.checked })}
              />
              Disabled
            </label>
            <span className="hint">a disabled user cannot sign in; their tokens stop working</span>
          </PropertyRow>
        )}
      </PropertySection>
      {props.buttons}
    </PropertyForm>
  );
}
