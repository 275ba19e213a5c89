import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ALL_FOR_SELECT } from '../../../api/list-params.ts';
import { saveSmtpAssignments } from '../../../api/profile-assignments.ts';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { securityProfileListQuery } from '../../../api/security-profiles.ts';
import { ErrorBanner, SuccessBanner } from '../../../components/error-banner.tsx';
import { SubmitButton } from '../../../components/form-buttons.tsx';
import { PermissionForm } from '../../../components/permission-fieldset.tsx';
import {
  changedAssignments,
  rowMessage,
  rowOfError,
  type TAssignmentDraft,
  type TAssignmentRow,
} from './assignment-draft.ts';
import { SmtpAssignmentTable } from './smtp-assignment-table.tsx';

/** The SMTP rows of Profiles Assignment with one Save for every changed row. */
export function SmtpAssignmentForm({ rows }: { rows: TAssignmentRow[] }) {
  const queryClient = useQueryClient();
  const securityProfiles = useSuspenseQuery(securityProfileListQuery(ALL_FOR_SELECT)).data.items;
  const [draft, setDraft] = useState<TAssignmentDraft>({});
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveSmtpAssignments,
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const errorRow = rowOfError(save.error, save.variables ?? []);
  const rowError = errorRow ? { serviceProfile: errorRow, message: rowMessage(save.error) } : null;

  function submit() {
    const changes = changedAssignments(rows, draft);

    setNotice(null);
    save.reset();
    if (changes.length === 0) return setNotice('No assignment was changed.');
    save.mutate(changes, {
      onSuccess: () => {
        setDraft({});
        setNotice(`Saved ${changes.length} assignment${changes.length === 1 ? '' : 's'}.`);
      },
    });
  }

  return (
    <PermissionForm
      permission="profile-assignments:write"
      className="assignment-form"
      aria-label="SMTP profiles assignment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ErrorBanner error={rowError ? null : save.error} />
      <SuccessBanner message={notice} />
      <SmtpAssignmentTable
        rows={rows}
        draft={draft}
        securityProfiles={securityProfiles}
        rowError={rowError}
        onChange={(serviceProfile, securityProfile) =>
          setDraft({ ...draft, [serviceProfile]: securityProfile })
        }
      />
      <div className="form-buttons form-buttons--below">
        <SubmitButton isPending={save.isPending} label="Save" />
      </div>
    </PermissionForm>
  );
}
