import type { TPool } from '@portcullis/contracts';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import {
  addPoolMember,
  deletePool,
  deletePoolMember,
  poolDetailQuery,
  poolKeys,
  updatePool,
} from '../../../api/pools.ts';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { SuccessBanner } from '../../../components/error-banner.tsx';
import { EditButtons } from '../../../components/form-buttons.tsx';
import { LIVE_REFRESH_MS } from '../../../components/live-refresh.ts';
import { useDeleteOne } from '../../../components/use-delete-one.ts';
import { parseId } from '../../../forms/parse-id.ts';
import { asNewMemberError, parseMemberDraft, type TMemberDraft } from './member-draft.ts';
import { POOL_LIST_PATH } from './pool-create-page.tsx';
import { draftFromPool, draftToUpdate, type TPoolDraft } from './pool-draft.ts';
import { PoolForm } from './pool-form.tsx';
import { PoolUsageSection } from './pool-usage-section.tsx';

export function poolEditLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) =>
    queryClient.ensureQueryData(poolDetailQuery(parseId(params.id, 'pool')));
}

export function PoolEditPage() {
  const id = parseId(useParams().id, 'pool');
  const query = useSuspenseQuery({ ...poolDetailQuery(id), refetchInterval: LIVE_REFRESH_MS });

  return <PoolEditor key={id} pool={query.data} />;
}

/**
 * Pool properties are saved with Update; members are added and deleted at once
 * (their own endpoints), and their status is live.
 */
function PoolEditor({ pool }: { pool: TPool }) {
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  const [draft, setDraft] = useState<TPoolDraft>(() => draftFromPool(pool));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => refreshAfterWrite(queryClient);
  const update = useMutation({
    mutationFn: () => updatePool(pool.id, draftToUpdate(draft)),
    onSuccess: refresh,
  });
  const memberChange = useMutation({
    mutationFn: (change: () => Promise<unknown>) => change(),
    onSuccess: refresh,
  });
  const remove = useDeleteOne(
    () => deletePool(pool.id),
    poolKeys.detail(pool.id),
    POOL_LIST_PATH,
  );

  function start() {
    setError(null);
    setNotice(null);
    remove.mutation.reset();
  }

  function save() {
    start();
    update.mutate(undefined, {
      onError: setError,
      onSuccess: (saved) => {
        setNotice(`Pool ${saved.name} was updated.`);
        void revalidator.revalidate();
      },
    });
  }

  async function addMember(memberDraft: TMemberDraft): Promise<boolean> {
    start();
    try {
      const member = parseMemberDraft(memberDraft);

      await memberChange.mutateAsync(() => addPoolMember(pool.id, member));

      return true;
    } catch (cause) {
      setError(asNewMemberError(cause));

      return false;
    }
  }

  function deleteMember(row: { key: number }) {
    start();
    memberChange.mutate(() => deletePoolMember(pool.id, row.key), { onError: setError });
  }

  return (
    <>
      <PoolForm
        draft={draft}
        error={error ?? remove.mutation.error}
        members={pool.members.map((m) => ({ ...m, key: m.id }))}
        isBusy={update.isPending || memberChange.isPending}
        onChange={(patch) => setDraft({ ...draft, ...patch })}
        onAddMember={addMember}
        onDeleteMember={deleteMember}
        onSubmit={save}
        header={
          <>
            <SuccessBanner message={notice} />
            <PoolUsageSection pool={pool} />
          </>
        }
        buttons={<EditButtons isPending={update.isPending} onDelete={remove.ask} />}
      />
      <ConfirmDialog
        isOpen={remove.isConfirming}
        title="Delete Confirmation"
        question="Are you sure you want to delete this pool?"
        items={[pool.name]}
        confirmLabel="Delete"
        isPending={remove.mutation.isPending}
        onConfirm={remove.confirm}
        onCancel={remove.cancel}
      />
    </>
  );
}
