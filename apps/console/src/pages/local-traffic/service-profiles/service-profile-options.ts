import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { ALL_FOR_SELECT } from '../../../api/list-params.ts';
import { serviceProfileListQuery } from '../../../api/service-profiles.ts';

export const SERVICE_PROFILE_LIST_PATH = '/local-traffic/profiles/services/smtp';

/** Every SMTP profile: the parent list and each parent's effective settings. */
export function loadServiceProfileOptions(queryClient: QueryClient) {
  return queryClient.ensureQueryData(serviceProfileListQuery(ALL_FOR_SELECT));
}

export function useServiceProfileOptions() {
  return useSuspenseQuery(serviceProfileListQuery(ALL_FOR_SELECT)).data.items;
}
