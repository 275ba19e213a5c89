import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { createVirtualServer } from '../../../api/virtual-servers.ts';
import { SuccessBanner } from '../../../components/error-banner.tsx';
import { CreateButtons } from '../../../components/form-buttons.tsx';
import { useVirtualServerDraft } from './use-virtual-server-draft.ts';
import { draftToInput, EMPTY_VIRTUAL_SERVER_DRAFT } from './virtual-server-draft.ts';
import { VirtualServerForm } from './virtual-server-form.tsx';
import { loadVirtualServerOptions, useVirtualServerOptions } from './virtual-server-options.ts';

export const VIRTUAL_SERVER_LIST_PATH = '/local-traffic/virtual-servers';

export function virtualServerCreateLoader(queryClient: QueryClient) {
  return async () => {
    await loadVirtualServerOptions(queryClient);

    return null;
  };
}

export function VirtualServerCreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const options = useVirtualServerOptions();
  const form = useVirtualServerDraft(EMPTY_VIRTUAL_SERVER_DRAFT);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createVirtualServer,
    onSuccess: () => refreshAfterWrite(queryClient),
  });

  function save(isRepeat: boolean) {
    setNotice(null);
    create.mutate(draftToInput(form.draft), {
      onSuccess: (created) => {
        form.forget();
        if (!isRepeat) return void navigate(VIRTUAL_SERVER_LIST_PATH);

        // Repeat: keep the shared settings, clear what must differ per server.
        form.change({ name: '', description: '', destinationAddress: '', tlsKey: '' });
        setNotice(`Virtual server ${created.name} was created.`);
      },
    });
  }

  function cancel() {
    form.forget();
    navigate(VIRTUAL_SERVER_LIST_PATH);
  }

  return (
    <VirtualServerForm
      draft={form.draft}
      error={create.error}
      pools={options.pools}
      serviceProfiles={options.serviceProfiles}
      hasStoredKey={false}
      onChange={form.change}
      onNewPool={form.openNewPool}
      onSubmit={() => save(false)}
      header={<SuccessBanner message={notice} />}
      buttons={
        <CreateButtons isPending={create.isPending} onCancel={cancel} onRepeat={() => save(true)} />
      }
    />
  );
}
