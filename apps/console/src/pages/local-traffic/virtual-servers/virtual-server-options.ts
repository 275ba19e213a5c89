import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { ALL_FOR_SELECT } from '../../../api/list-params.ts';
import { poolListQuery } from '../../../api/pools.ts';
import { serviceProfileListQuery } from '../../../api/service-profiles.ts';

/** The pools and SMTP profiles a virtual server's selects offer. */
export function loadVirtualServerOptions(queryClient: QueryClient) {
  return Promise.all([
    queryClient.ensureQueryData(poolListQuery(ALL_FOR_SELECT)),
    queryClient.ensureQueryData(serviceProfileListQuery(ALL_FOR_SELECT)),
  ]);
}

export function useVirtualServerOptions() {
  const pools = useSuspenseQuery(poolListQuery(ALL_FOR_SELECT)).data.items;
  const serviceProfiles = useSuspenseQuery(serviceProfileListQuery(ALL_FOR_SELECT)).data.items;

  return { pools, serviceProfiles };
}
