import type { TServiceProfile } from '@portcullis/contracts';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import {
  deleteServiceProfile,
  serviceProfileDetailQuery,
  serviceProfileKeys,
  updateServiceProfile,
} from '../../../api/service-profiles.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { SuccessBanner } from '../../../components/error-banner.tsx';
import { EditButtons } from '../../../components/form-buttons.tsx';
import { useDeleteOne } from '../../../components/use-delete-one.ts';
import { parseId } from '../../../forms/parse-id.ts';
import { draftFromServiceProfile, draftToUpdate } from './service-profile-draft.ts';
import { ServiceProfileForm } from './service-profile-form.tsx';
import {
  loadServiceProfileOptions,
  SERVICE_PROFILE_LIST_PATH,
  useServiceProfileOptions,
} from './service-profile-options.ts';
import { ServiceProfileUsageSection } from './service-profile-usage-section.tsx';

export function serviceProfileEditLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const id = parseId(params.id, 'SMTP profile');
    const [profile] = await Promise.all([
      queryClient.ensureQueryData(serviceProfileDetailQuery(id)),
      loadServiceProfileOptions(queryClient),
    ]);

    return profile;
  };
}

export function ServiceProfileEditPage() {
  const id = parseId(useParams().id, 'SMTP profile');
  const profile = useSuspenseQuery(serviceProfileDetailQuery(id)).data;

  return <ServiceProfileEditor key={id} profile={profile} />;
}

function ServiceProfileEditor({ profile }: { profile: TServiceProfile }) {
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  const profiles = useServiceProfileOptions();
  const [draft, setDraft] = useState(() => draftFromServiceProfile(profile));
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: () => updateServiceProfile(profile.id, draftToUpdate(draft, profile.isSystem)),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const remove = useDeleteOne(
    () => deleteServiceProfile(profile.id),
    serviceProfileKeys.detail(profile.id),
    SERVICE_PROFILE_LIST_PATH,
  );

  function save() {
    setNotice(null);
    remove.mutation.reset();
    update.mutate(undefined, {
      onSuccess: (saved) => {
        setNotice(`SMTP profile ${saved.name} was updated.`);
        void revalidator.revalidate();
      },
    });
  }

  return (
    <>
      <ServiceProfileForm
        draft={draft}
        error={update.error ?? remove.mutation.error}
        profiles={profiles}
        isSystem={profile.isSystem}
        onChange={(patch) => setDraft({ ...draft, ...patch })}
        onSubmit={save}
        header={
          <>
            <SuccessBanner message={notice} />
            <ServiceProfileUsageSection profile={profile} />
          </>
        }
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
        question="Are you sure you want to delete this SMTP profile?"
        items={[profile.name]}
        confirmLabel="Delete"
        isPending={remove.mutation.isPending}
        onConfirm={remove.confirm}
        onCancel={remove.cancel}
      />
    </>
  );
}
