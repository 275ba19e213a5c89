import type { TSecurityProfile } from '@portcullis/contracts';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import {
  deleteSecurityProfile,
  replaceSecurityProfile,
  securityProfileDetailQuery,
  securityProfileKeys,
} from '../../../api/security-profiles.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EditButtons } from '../../../components/form-buttons.tsx';
import { useDeleteOne } from '../../../components/use-delete-one.ts';
import { parseId } from '../../../forms/parse-id.ts';
import {
  draftFromSecurityProfile,
  draftToInput,
} from './security-profile-draft.ts';
import { SECURITY_PROFILE_LIST_PATH } from './security-profile-paths.ts';
import { SecurityProfileForm } from './security-profile-form.tsx';

export function securityProfileEditLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const id = parseId(params.id, 'security profile');

    return queryClient.ensureQueryData(securityProfileDetailQuery(id));
  };
}

export function SecurityProfileEditPage() {
  const id = parseId(useParams().id, 'security profile');
  const profile = useSuspenseQuery(securityProfileDetailQuery(id)).data;

  return <SecurityProfileEditor key={id} profile={profile} />;
}

function SecurityProfileEditor({ profile }: { profile: TSecurityProfile }) {
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  const [draft, setDraft] = useState(() => draftFromSecurityProfile(profile));
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: () => replaceSecurityProfile(profile.id, draftToInput(draft)),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const remove = useDeleteOne(
    () => deleteSecurityProfile(profile.id),
    securityProfileKeys.detail(profile.id),
    SECURITY_PROFILE_LIST_PATH,
  );

  function save() {
    setNotice(null);
    remove.mutation.reset();
    update.mutate(undefined, {
      onSuccess: (saved) => {
        // The API tidies lists (blank lines, spaces); show what it stored.
        setDraft(draftFromSecurityProfile(saved));
        setNotice(`Security profile ${saved.name} was updated.`);
        void revalidator.revalidate();
      },
    });
  }

  return (
    <>
      <SecurityProfileForm
        draft={draft}
        error={update.error ?? remove.mutation.error}
        isSystem={profile.isSystem}
        assignedTo={profile.serviceProfiles}
        onChange={(patch) => setDraft({ ...draft, ...patch })}
        onSubmit={save}
        notice={notice}
        buttons={
          <EditButtons
            isPending={update.isPending}
            isDeletable={!profile.isSystem}
            onDelete={remove.ask}
          />
        }
      />
      <ConfirmDialog
        isOpen={remove.isConfirming}
        title="Delete Confirmation"
        question="Are you sure you want to delete this security profile?"
        items={[profile.name]}
        confirmLabel="Delete"
        isPending={remove.mutation.isPending}
        onConfirm={remove.confirm}
        onCancel={remove.cancel}
      />
    </>
  );
}
