import type { TPoolMemberInput } from '@portcullis/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { createPool } from '../../../api/pools.ts';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { InfoBanner, SuccessBanner } from '../../../components/error-banner.tsx';
import { CreateButtons } from '../../../components/form-buttons.tsx';
import { readReturnTo, withParam } from '../../../forms/return-to.ts';
import { parseMemberDraft, type TMemberDraft } from './member-draft.ts';
import { draftToInput, EMPTY_POOL_DRAFT, type TPoolDraft } from './pool-draft.ts';
import { PoolForm } from './pool-form.tsx';

export const POOL_LIST_PATH = '/local-traffic/pools';

type TStagedMember = TPoolMemberInput & { key: number };

/**
 * New Pool. Members are staged here and sent with the pool. Reached through (+)
 * on another screen, it goes back there with `pool=<name>` once the pool exists.
 */
export function PoolCreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const returnTo = readReturnTo(useSearchParams()[0]);
  const [draft, setDraft] = useState<TPoolDraft>(EMPTY_POOL_DRAFT);
  const [members, setMembers] = useState<TStagedMember[]>([]);
  const [memberError, setMemberError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nextKey = useRef(1);
  const create = useMutation({
    mutationFn: createPool,
    onSuccess: () => refreshAfterWrite(queryClient),
  });

  async function addMember(memberDraft: TMemberDraft) {
    create.reset();
    try {
      const member = parseMemberDraft(memberDraft);
      const isDuplicate = members.some(
        (m) => m.address === member.address && m.servicePort === member.servicePort,
      );

      if (isDuplicate) {
        const message = 'this address and port is already a member';

        throw new ApiError('CONFLICT', message, 400, 'newMember.address');
      }
      setMembers([...members, { ...member, key: nextKey.current++ }]);
      setMemberError(null);

      return true;
    } catch (error) {
      setMemberError(error);

      return false;
    }
  }

  function save(isRepeat: boolean) {
    setMemberError(null);
    setNotice(null);
    const staged = members.map(({ key: _key, ...member }) => member);

    create.mutate(draftToInput(draft, staged), {
      onSuccess: (pool) => {
        if (!isRepeat) {
          return void navigate(returnTo ? withParam(returnTo, 'pool', pool.name) : POOL_LIST_PATH);
        }
        setDraft({ ...draft, name: '', description: '' });
        setMembers([]);
        setNotice(`Pool ${pool.name} was created.`);
      },
    });
  }

  return (
    <PoolForm
      draft={draft}
      error={memberError ?? create.error}
      members={members.map((m) => ({
        key: m.key,
        nodeName: m.nodeName ?? m.address,
        address: m.address,
        servicePort: m.servicePort ?? 25,
      }))}
      isBusy={create.isPending}
      onChange={(patch) => setDraft({ ...draft, ...patch })}
      onAddMember={addMember}
      onDeleteMember={(_row, index) => setMembers(members.filter((_m, i) => i !== index))}
      onSubmit={() => save(false)}
      header={
        <>
          {returnTo && <InfoBanner message="Finished returns to the screen you came from." />}
          <SuccessBanner message={notice} />
        </>
      }
      buttons={
        <CreateButtons
          isPending={create.isPending}
          onCancel={() => navigate(returnTo ?? POOL_LIST_PATH)}
          onRepeat={() => save(true)}
        />
      }
    />
  );
}
