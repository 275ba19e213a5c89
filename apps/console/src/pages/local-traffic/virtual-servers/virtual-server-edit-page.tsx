import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import {
  deleteVirtualServer,
  updateVirtualServer,
  virtualServerDetailQuery,
  virtualServerKeys,
} from '../../../api/virtual-servers.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { SuccessBanner } from '../../../components/error-banner.tsx';
import { EditButtons } from '../../../components/form-buttons.tsx';
import { LIVE_REFRESH_MS } from '../../../components/live-refresh.ts';
import { useDeleteOne } from '../../../components/use-delete-one.ts';
import { parseId } from '../../../forms/parse-id.ts';
import { useVirtualServerDraft } from './use-virtual-server-draft.ts';
import { VIRTUAL_SERVER_LIST_PATH } from './virtual-server-create-page.tsx';
import { draftFromVirtualServer, draftToUpdate } from './virtual-server-draft.ts';
import { VirtualServerForm } from './virtual-server-form.tsx';
import { loadVirtualServerOptions, useVirtualServerOptions } from './virtual-server-options.ts';
import { VirtualServerStatusSection } from './virtual-server-status-section.tsx';

export function virtualServerEditLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const id = parseId(params.id, 'virtual server');
    const [virtualServer] = await Promise.all([
      queryClient.ensureQueryData(virtualServerDetailQuery(id)),
      loadVirtualServerOptions(queryClient),
    ]);

    return virtualServer;
  };
}

export function VirtualServerEditPage() {
  const id = parseId(useParams().id, 'virtual server');
  const query = useSuspenseQuery({
    ...virtualServerDetailQuery(id),
    refetchInterval: LIVE_REFRESH_MS,
  });

  // Keyed by id so moving between two servers' screens starts a fresh form.
  return <VirtualServerEditor key={id} id={id} virtualServer={query.data} />;
}

type TEditorProps = { id: number; virtualServer: Parameters<typeof draftFromVirtualServer>[0] };

function VirtualServerEditor({ id, virtualServer }: TEditorProps) {
  const queryClient = useQueryClient();
  const options = useVirtualServerOptions();
  const form = useVirtualServerDraft(draftFromVirtualServer(virtualServer));
  const [notice, setNotice] = useState<string | null>(null);
  const revalidator = useRevalidator();
  const update = useMutation({
    mutationFn: () => updateVirtualServer(id, draftToUpdate(form.draft)),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const remove = useDeleteOne(
    () => deleteVirtualServer(id),
    virtualServerKeys.detail(id),
    VIRTUAL_SERVER_LIST_PATH,
  );

  function save() {
    setNotice(null);
    remove.mutation.reset();
    update.mutate(undefined, {
      onSuccess: (saved) => {
        form.forget();
        form.change({ tlsKey: '' });
        setNotice(`Virtual server ${saved.name} was updated.`);
        // The breadcrumb reads the loader's copy; a rename should show there too.
        void revalidator.revalidate();
      },
    });
  }

  return (
    <>
      <VirtualServerForm
        draft={form.draft}
        error={update.error ?? remove.mutation.error}
        pools={options.pools}
        serviceProfiles={options.serviceProfiles}
        hasStoredKey={virtualServer.hasTlsKey}
        onChange={form.change}
        onNewPool={form.openNewPool}
        onSubmit={save}
        header={
          <>
            <SuccessBanner message={notice} />
            <VirtualServerStatusSection virtualServer={virtualServer} />
          </>
        }
        buttons={<EditButtons isPending={update.isPending} onDelete={remove.ask} />}
      />
      <ConfirmDialog
        isOpen={remove.isConfirming}
        title="Delete Confirmation"
        question="Are you sure you want to delete this virtual server?"
        items={[virtualServer.name]}
        confirmLabel="Delete"
        isPending={remove.mutation.isPending}
        onConfirm={remove.confirm}
        onCancel={remove.cancel}
      />
    </>
  );
}
