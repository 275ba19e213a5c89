import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  revokeToken,
  tokenKeys,
  tokenListQuery,
  type TApiToken,
  type TNewApiToken,
} from '../../api/tokens.ts';
import { useSession } from '../../auth/use-session.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/error-banner.tsx';
import { NewTokenPanel } from './new-token-panel.tsx';
import { TokenCreateForm } from './token-create-form.tsx';
import { TokenTable } from './token-table.tsx';

export function apiTokensLoader(queryClient: QueryClient) {
  return () => queryClient.ensureQueryData(tokenListQuery());
}

/** The signed-in user's own API tokens: create one (shown once), see them, revoke. */
export function ApiTokensPage() {
  const queryClient = useQueryClient();
  const session = useSession();
  const tokens = useSuspenseQuery(tokenListQuery()).data.items;
  const [created, setCreated] = useState<TNewApiToken | null>(null);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (token: TApiToken) => revokeToken(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list }),
    onSettled: () => setRevoking(null),
  });

  if (!session) return null;

  return (
    <section className="token-screen">
      {created && <NewTokenPanel token={created} onDismiss={() => setCreated(null)} />}
      <SuccessBanner message={notice} />
      <ErrorBanner error={revoke.error} />
      <TokenTable
        items={tokens}
        onRevoke={(token) => {
          revoke.reset();
          setNotice(null);
          setRevoking(token);
        }}
      />
      <p className="form-note token-screen__note">
        A script sends its token as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <TokenCreateForm
        ownRole={session.user.role}
        onCreated={(token) => {
          setNotice(null);
          setCreated(token);
        }}
      />
      <ConfirmDialog
        isOpen={revoking !== null}
        title="Revoke Confirmation"
        question="Scripts using this token will be refused from now on. Revoke it?"
        items={revoking ? [revoking.name] : []}
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        isPending={revoke.isPending}
        onConfirm={() => {
          if (!revoking) return;
          const { name } = revoking;

          revoke.mutate(revoking, { onSuccess: () => setNotice(`Token ${name} was revoked.`) });
        }}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
