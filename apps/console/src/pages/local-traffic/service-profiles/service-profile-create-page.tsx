import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { createServiceProfile } from '../../../api/service-profiles.ts';
import { SuccessBanner } from '../../../components/error-banner.tsx';
import { CreateButtons } from '../../../components/form-buttons.tsx';
import {
  draftToInput,
  EMPTY_SERVICE_PROFILE_DRAFT,
  type TServiceProfileDraft,
} from './service-profile-draft.ts';
import { ServiceProfileForm } from './service-profile-form.tsx';
import {
  loadServiceProfileOptions,
  SERVICE_PROFILE_LIST_PATH,
  useServiceProfileOptions,
} from './service-profile-options.ts';

export function serviceProfileCreateLoader(queryClient: QueryClient) {
  return async () => {
    await loadServiceProfileOptions(queryClient);

    return null;
  };
}

export function ServiceProfileCreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const profiles = useServiceProfileOptions();
  const [draft, setDraft] = useState<TServiceProfileDraft>(EMPTY_SERVICE_PROFILE_DRAFT);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createServiceProfile,
    onSuccess: () => refreshAfterWrite(queryClient),
  });

  function save(isRepeat: boolean) {
    setNotice(null);
    create.mutate(draftToInput(draft), {
      onSuccess: (profile) => {
        if (!isRepeat) return void navigate(SERVICE_PROFILE_LIST_PATH);

        setDraft({ ...draft, name: '' });
        setNotice(`SMTP profile ${profile.name} was created.`);
      },
    });
  }

  return (
    <ServiceProfileForm
      draft={draft}
      error={create.error}
      profiles={profiles}
      isSystem={false}
      onChange={(patch) => setDraft({ ...draft, ...patch })}
      onSubmit={() => save(false)}
      header={<SuccessBanner message={notice} />}
      buttons={
        <CreateButtons
          isPending={create.isPending}
          onCancel={() => navigate(SERVICE_PROFILE_LIST_PATH)}
          onRepeat={() => save(true)}
        />
      }
    />
  );
}
