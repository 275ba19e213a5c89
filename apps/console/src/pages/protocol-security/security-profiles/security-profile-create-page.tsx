import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { createSecurityProfile } from '../../../api/security-profiles.ts';
import { CreateButtons } from '../../../components/form-buttons.tsx';
import {
  draftToInput,
  emptySecurityProfileDraft,
  type TSecurityProfileDraft,
} from './security-profile-draft.ts';
import { SECURITY_PROFILE_LIST_PATH } from './security-profile-paths.ts';
import { SecurityProfileForm } from './security-profile-form.tsx';

/** New SMTP security profile, starting from the defaults every profile has. */
export function SecurityProfileCreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TSecurityProfileDraft>(emptySecurityProfileDraft);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createSecurityProfile,
    onSuccess: () => refreshAfterWrite(queryClient),
  });

  function save(isRepeat: boolean) {
    setNotice(null);
    create.mutate(draftToInput(draft), {
      onSuccess: (profile) => {
        if (!isRepeat) return void navigate(SECURITY_PROFILE_LIST_PATH);

        // Repeat keeps the settings, so a family of similar profiles is quick to make.
        setDraft({ ...draft, name: '' });
        setNotice(`Security profile ${profile.name} was created.`);
      },
    });
  }

  return (
    <SecurityProfileForm
      draft={draft}
      error={create.error}
      isSystem={false}
      onChange={(patch) => setDraft({ ...draft, ...patch })}
      onSubmit={() => save(false)}
      notice={notice}
      buttons={
        <CreateButtons
          isPending={create.isPending}
          onCancel={() => navigate(SECURITY_PROFILE_LIST_PATH)}
          onRepeat={() => save(true)}
        />
      }
    />
  );
}
