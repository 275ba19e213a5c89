import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { readListParams } from '../../../api/list-params.ts';
import {
  deleteServiceProfile,
  serviceProfileKeys,
  serviceProfileListQuery,
} from '../../../api/service-profiles.ts';
import { ListScreen } from '../../../components/list-screen.tsx';
import { SERVICE_PROFILE_LIST_PATH } from './service-profile-options.ts';
import { ServiceProfileTable } from './service-profile-table.tsx';

export function serviceProfileListLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const params = readListParams(new URL(request.url).searchParams);

    return queryClient.ensureQueryData(serviceProfileListQuery(params));
  };
}

export function ServiceProfileListPage() {
  const [searchParams] = useSearchParams();
  const query = useSuspenseQuery(serviceProfileListQuery(readListParams(searchParams)));

  return (
    <ListScreen
      noun="SMTP profile"
      createTo={`${SERVICE_PROFILE_LIST_PATH}/new`}
      writePermission="local-traffic:write"
      page={query.data}
      refreshError={query.isRefetchError ? query.error : null}
      detailKey={serviceProfileKeys.detail}
      remove={deleteServiceProfile}
      renderTable={(selection) => <ServiceProfileTable items={query.data.items} {...selection} />}
    />
  );
}
