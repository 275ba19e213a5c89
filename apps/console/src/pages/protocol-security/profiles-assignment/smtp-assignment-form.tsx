import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ALL_FOR_SELECT } from '../../../api/list-params.ts';
import { saveSmtpAssignments, type TAssignment } from '../../../api/profile-assignments.ts';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { securityProfileListQuery } from '../../../api/security-profiles.ts';
import { ErrorBanner, SuccessBanner } from '../../../components/error-banner.tsx';
import {
  changedAssignments,
  draftFromRows,
  rowMessage,
  rowOfError,
  type TAssignmentRow,
} from './assignment-draft.ts';
import { SmtpAssignmentTable } from './smtp-assignment-table.tsx';

/** The SMTP rows of Profiles Assignment with one Save for every changed row. */
export function SmtpAssignmentForm({ rows }: { rows: TAssignmentRow[] }) {
  const queryClient = useQueryClient();
  const securityProfiles = useSuspenseQuery(securityProfileListQuery(ALL_FOR_SELECT)).data.items;
  const [draft, setDraft] = useState(() => draftFromRows(rows));
  const [notice, setNotice] = useState<string | null>(null);
  const sent = useRef<TAssignment[]>([]);
  const save = useMutation({
    mutationFn: saveSmtpAssignments,
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const errorRow = rowOfError(save.error, sent.current);
  const rowError = errorRow ? { serviceProfile: errorRow, message: rowMessage(save.error) } : null;

  function submit() {
    const changes = changedAssignments(rows, draft);

    setNotice(null);
    save.reset();
    if (changes.length === 0) return setNotice('No assignment was changed.');
    sent.current = changes;
    save.mutate(changes, {
      onSuccess: (saved) => {
        const smtp = saved.protocols.find((p) => p.protocol === 'SMTP');

        setDraft(draftFromRows(smtp?.rows ?? []));
        setNotice(`Saved ${changes.length} assignment${changes.length === 1 ? '' : 's'}.`);
      },
    });
  }

  return (
    <form
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
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
