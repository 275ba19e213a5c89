import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createToken, tokenKeys, type TNewApiToken } from '../../api/tokens.ts';
import { ROLE_LABELS, rolesUpTo, type TRole } from '../../auth/permissions.ts';
import { SubmitButtons } from '../../components/form-buttons.tsx';
import { PropertyForm } from '../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../components/property-table.tsx';
import { toWholeNumber } from '../../forms/list-field-error.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';

const FORM_ID = 'token';
const FIELDS = new Set(['name', 'role', 'expiresInDays']);
const DEFAULT_EXPIRY_DAYS = '90';

type TTokenCreateFormProps = { ownRole: TRole; onCreated: (token: TNewApiToken) => void };

/** A new token for scripts: a name to recognise it by, a role up to one's own, a lifetime. */
export function TokenCreateForm({ ownRole, onCreated }: TTokenCreateFormProps) {
  const queryClient = useQueryClient();
  const roles = rolesUpTo(ownRole);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TRole>(ownRole);
  const [days, setDays] = useState(DEFAULT_EXPIRY_DAYS);
  const create = useMutation({
    mutationFn: () =>
      createToken({ name: name.trim(), role, expiresInDays: toWholeNumber(days) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list }),
  });
  const errors = useFormErrors(FORM_ID, create.error, (path) => FIELDS.has(path));

  function submit() {
    create.mutate(undefined, {
      onSuccess: (token) => {
        setName('');
        setDays(DEFAULT_EXPIRY_DAYS);
        onCreated(token);
      },
    });
  }

  return (
    <PropertyForm
      label="Create an API token"
      bannerError={errors.bannerError}
      onSubmit={submit}
    >
      <PropertySection title="New API Token">
        <PropertyRow
          label="Name"
          {...errors.row('name')}
          help={<span className="hint">what the token is for, e.g. backup-script</span>}
        >
          <input
            {...errors.control('name')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </PropertyRow>
        <PropertyRow
          label="Role"
          {...errors.row('role')}
          help={<span className="hint">no higher than your own</span>}
        >
          <select
            {...errors.control('role')}
            value={role}
            onChange={(event) => setRole(event.target.value as TRole)}
          >
            {roles.map((option) => (
              <option key={option} value={option}>{ROLE_LABELS[option]}</option>
            ))}
          </select>
        </PropertyRow>
        <PropertyRow
          label="Expires After (days)"
          {...errors.row('expiresInDays')}
          help={<span className="hint">1 to 365</span>}
        >
          <input
            {...errors.control('expiresInDays')}
            type="text"
            inputMode="numeric"
            className="input--port"
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </PropertyRow>
      </PropertySection>
      <SubmitButtons isPending={create.isPending} label="Create Token" pendingLabel="Creating…" />
    </PropertyForm>
  );
}
