import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { readListParams } from '../../../api/list-params.ts';
import {
  deleteSecurityProfile,
  securityProfileKeys,
  securityProfileListQuery,
} from '../../../api/security-profiles.ts';
import { ListScreen } from '../../../components/list-screen.tsx';
import { SECURITY_PROFILE_LIST_PATH } from './security-profile-paths.ts';
import { SecurityProfileTable } from './security-profile-table.tsx';

export function securityProfileListLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const params = readListParams(new URL(request.url).searchParams);

    return queryClient.ensureQueryData(securityProfileListQuery(params));
  };
}

export function SecurityProfileListPage() {
  const [searchParams] = useSearchParams();
  const query = useSuspenseQuery(securityProfileListQuery(readListParams(searchParams)));

  return (
    <ListScreen
      noun="security profile"
      createTo={`${SECURITY_PROFILE_LIST_PATH}/new`}
      writePermission="security-profiles:write"
      page={query.data}
      refreshError={query.isRefetchError ? query.error : null}
      detailKey={securityProfileKeys.detail}
      remove={deleteSecurityProfile}
      renderTable={(selection) => <SecurityProfileTable items={query.data.items} {...selection} />}
    />
  );
}
