import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { changePassword } from '../../api/auth.ts';
import { SubmitButtons } from '../../components/form-buttons.tsx';
import { PropertyForm } from '../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../components/property-table.tsx';
import { useFormErrors } from '../../forms/use-form-errors.ts';
import {
  checkPasswordDraft,
  EMPTY_PASSWORD_DRAFT,
  MIN_PASSWORD_LENGTH,
  placePasswordError,
  type TPasswordDraft,
} from './password-draft.ts';

const FORM_ID = 'password';
const FIELDS = new Set(['currentPassword', 'newPassword', 'confirm']);

/** The signed-in user's own password; the API signs out their other sessions. */
export function ChangePasswordPage() {
  const [draft, setDraft] = useState<TPasswordDraft>(EMPTY_PASSWORD_DRAFT);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (next: TPasswordDraft) => {
      const problem = checkPasswordDraft(next);

      if (problem) throw problem;
      await changePassword(next.currentPassword, next.newPassword);
    },
  });
  const error = useMemo(() => placePasswordError(save.error), [save.error]);
  const errors = useFormErrors(FORM_ID, error, (path) => FIELDS.has(path));

  function submit() {
    setNotice(null);
    save.mutate(draft, {
      onSuccess: () => {
        setDraft(EMPTY_PASSWORD_DRAFT);
        setNotice('Your password was changed. Your other sessions were signed out.');
      },
    });
  }

  function passwordInput(field: keyof TPasswordDraft, autoComplete: string) {
    return (
      <input
        {...errors.control(field)}
        type="password"
        autoComplete={autoComplete}
        value={draft[field]}
        onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
      />
    );
  }

  return (
    <PropertyForm
      label="Change password"
      bannerError={errors.bannerError}
      notice={notice}
      onSubmit={submit}
    >
      <PropertySection title="Change Password">
        <PropertyRow label="Current Password" {...errors.row('currentPassword')}>
          {passwordInput('currentPassword', 'current-password')}
        </PropertyRow>
        <PropertyRow
          label="New Password"
          {...errors.row('newPassword')}
          help={<span className="hint">at least {MIN_PASSWORD_LENGTH} characters</span>}
        >
          {passwordInput('newPassword', 'new-password')}
        </PropertyRow>
        <PropertyRow label="Confirm New Password" {...errors.row('confirm')}>
          {passwordInput('confirm', 'new-password')}
        </PropertyRow>
      </PropertySection>
      <SubmitButtons isPending={save.isPending} label="Change Password" />
    </PropertyForm>
  );
}
