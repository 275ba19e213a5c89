import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import {
  deleteUser,
  refreshUsers,
  updateUser,
  userDetailQuery,
  userKeys,
  type TUser,
  type TUserPatch,
} from '../../../api/users.ts';
import { useSession } from '../../../auth/use-session.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EditButtons } from '../../../components/form-buttons.tsx';
import { useDeleteOne } from '../../../components/use-delete-one.ts';
import { draftFromUser, draftToPatch, placeUserError, USER_LIST_PATH } from './user-draft.ts';
import { UserForm } from './user-form.tsx';

export function userEditLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) =>
    queryClient.ensureQueryData(userDetailQuery(params.username ?? ''));
}

export function UserEditPage() {
  const username = useParams().username ?? '';
  const user = useSuspenseQuery(userDetailQuery(username)).data;

  return <UserEditor key={username} user={user} />;
}

function UserEditor({ user }: { user: TUser }) {
  const queryClient = useQueryClient();
  const isSelf = useSession()?.user.username === user.username;
  const [draft, setDraft] = useState(() => draftFromUser(user));
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (patch: TUserPatch) => updateUser(user.username, patch),
    onSuccess: (saved) => queryClient.setQueryData(userKeys.detail(saved.username), saved),
    onSettled: () => refreshUsers(queryClient),
  });
  const remove = useDeleteOne(
    async () => {
      await deleteUser(user.username);
      await queryClient.invalidateQueries({ queryKey: userKeys.list(), refetchType: 'all' });
    },
    userKeys.detail(user.username),
    USER_LIST_PATH,
  );
  // Placed once per error: a new object each render would move focus again and again.
  const error = useMemo(
    () => placeUserError(update.error, update.variables) ?? remove.mutation.error,
    [update.error, update.variables, remove.mutation.error],
  );

  function save() {
    setNotice(null);
    remove.mutation.reset();
    update.mutate(draftToPatch(user, draft), {
      onSuccess: (saved) => {
        setDraft(draftFromUser(saved));
        setNotice(`User ${saved.username} was updated.`);
      },
    });
  }

  return (
    <>
      <UserForm
        draft={draft}
        isExisting
        error={error}
        notice={notice}
        onChange={(change) => setDraft({ ...draft, ...change })}
        onSubmit={save}
        buttons={
          <EditButtons isPending={update.isPending} isDeletable={!isSelf} onDelete={remove.ask} />
        }
      />
      <ConfirmDialog
        isOpen={remove.isConfirming}
        title="Delete Confirmation"
        question="Are you sure you want to delete this user? Their sessions and tokens end too."
        items={[user.username]}
        confirmLabel="Delete"
        isPending={remove.mutation.isPending}
        onConfirm={remove.confirm}
        onCancel={remove.cancel}
      />
    </>
  );
}
