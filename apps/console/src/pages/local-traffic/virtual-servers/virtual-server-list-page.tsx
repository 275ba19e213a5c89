import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { readListParams } from '../../../api/list-params.ts';
import {
  deleteVirtualServer,
  virtualServerKeys,
  virtualServerListQuery,
} from '../../../api/virtual-servers.ts';
import { ListScreen } from '../../../components/list-screen.tsx';
import { LIVE_REFRESH_MS } from '../../../components/live-refresh.ts';
import { VirtualServerTable } from './virtual-server-table.tsx';

export function virtualServerListLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const params = readListParams(new URL(request.url).searchParams);

    return queryClient.ensureQueryData(virtualServerListQuery(params));
  };
}

/** The console's home: every virtual server with its live listener status. */
export function VirtualServerListPage() {
  const [searchParams] = useSearchParams();
  const query = useSuspenseQuery({
    ...virtualServerListQuery(readListParams(searchParams)),
    refetchInterval: LIVE_REFRESH_MS,
  });

  return (
    <ListScreen
      noun="virtual server"
      createTo="/local-traffic/virtual-servers/new"
      writePermission="local-traffic:write"
      page={query.data}
      refreshError={query.isRefetchError ? query.error : null}
      detailKey={virtualServerKeys.detail}
      remove={deleteVirtualServer}
      renderTable={(selection) => <VirtualServerTable items={query.data.items} {...selection} />}
    />
  );
}
