import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { readListParams } from '../../../api/list-params.ts';
import { deletePool, poolKeys, poolListQuery } from '../../../api/pools.ts';
import { ListScreen } from '../../../components/list-screen.tsx';
import { LIVE_REFRESH_MS } from '../../../components/live-refresh.ts';
import { PoolTable } from './pool-table.tsx';

export function poolListLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const params = readListParams(new URL(request.url).searchParams);

    return queryClient.ensureQueryData(poolListQuery(params));
  };
}

/** Pools with each member's live status, as the workers' health monitors see it. */
export function PoolListPage() {
  const [searchParams] = useSearchParams();
  const query = useSuspenseQuery({
    ...poolListQuery(readListParams(searchParams)),
    refetchInterval: LIVE_REFRESH_MS,
  });

  return (
    <ListScreen
      noun="pool"
      createTo="/local-traffic/pools/new"
      writePermission="local-traffic:write"
      page={query.data}
      refreshError={query.isRefetchError ? query.error : null}
      detailKey={poolKeys.detail}
      remove={deletePool}
      renderTable={(selection) => <PoolTable items={query.data.items} {...selection} />}
    />
  );
}
