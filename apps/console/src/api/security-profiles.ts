import type { TSecurityProfile, TSecurityProfileInput } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery, type TPage } from './api-fetch.ts';
import type { TListParams } from './list-params.ts';

const PATH = '/security-profiles';

export const securityProfileKeys = {
  all: ['security-profiles'] as const,
  lists: () => [...securityProfileKeys.all, 'list'] as const,
  list: (params: TListParams) => [...securityProfileKeys.lists(), params] as const,
  detail: (id: number) => [...securityProfileKeys.all, 'detail', id] as const,
};

export function securityProfileListQuery(params: TListParams) {
  return queryOptions({
    queryKey: securityProfileKeys.list(params),
    queryFn: ({ signal }) =>
      apiFetch<TPage<TSecurityProfile>>(withQuery(PATH, params), { signal }),
  });
}

export function securityProfileDetailQuery(id: number) {
  return queryOptions({
    queryKey: securityProfileKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TSecurityProfile>(`${PATH}/${id}`, { signal }),
  });
}

export function createSecurityProfile(input: TSecurityProfileInput): Promise<TSecurityProfile> {
  return apiFetch<TSecurityProfile>(PATH, { method: 'POST', json: input });
}

/** PUT replaces the whole profile: the form always sends every action and setting. */
export function replaceSecurityProfile(
  id: number,
  input: TSecurityProfileInput,
): Promise<TSecurityProfile> {
  return apiFetch<TSecurityProfile>(`${PATH}/${id}`, { method: 'PUT', json: input });
}

export function deleteSecurityProfile(id: number): Promise<void> {
  return apiFetch<void>(`${PATH}/${id}`, { method: 'DELETE' });
}
