import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createUser, refreshUsers } from '../../../api/users.ts';
import { CreateButtons } from '../../../components/form-buttons.tsx';
import { EMPTY_USER_DRAFT, USER_LIST_PATH, type TUserDraft } from './user-draft.ts';
import { UserForm } from './user-form.tsx';

/** New User: a username, a first password the user should change, and a role. */
export function UserCreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TUserDraft>(EMPTY_USER_DRAFT);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      createUser({ username: draft.username.trim(), password: draft.password, role: draft.role }),
    onSuccess: () => refreshUsers(queryClient),
  });

  function save(isRepeat: boolean) {
    setNotice(null);
    create.mutate(undefined, {
      onSuccess: async (user) => {
        if (!isRepeat) return void (await navigate(USER_LIST_PATH));
        setDraft({ ...EMPTY_USER_DRAFT, role: draft.role });
        setNotice(`User ${user.username} was created.`);
      },
    });
  }

  return (
    <UserForm
      draft={draft}
      isExisting={false}
      error={create.error}
      notice={notice}
      onChange={(patch) => setDraft({ ...draft, ...patch })}
      onSubmit={() => save(false)}
      buttons={
        <CreateButtons
          isPending={create.isPending}
          onCancel={() => void navigate(USER_LIST_PATH)}
          onRepeat={() => save(true)}
        />
      }
    />
  );
}
