import type { TServiceProfile, TServiceProfileInput } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery, type TPage } from './api-fetch.ts';
import type { TListParams } from './list-params.ts';

const PATH = '/service-profiles';

export const serviceProfileKeys = {
  all: ['service-profiles'] as const,
  lists: () => [...serviceProfileKeys.all, 'list'] as const,
  list: (params: TListParams) => [...serviceProfileKeys.lists(), params] as const,
  detail: (id: number) => [...serviceProfileKeys.all, 'detail', id] as const,
};

export function serviceProfileListQuery(params: TListParams) {
  return queryOptions({
    queryKey: serviceProfileKeys.list(params),
    queryFn: ({ signal }) =>
      apiFetch<TPage<TServiceProfile>>(withQuery(PATH, params), { signal }),
  });
}

export function serviceProfileDetailQuery(id: number) {
  return queryOptions({
    queryKey: serviceProfileKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TServiceProfile>(`${PATH}/${id}`, { signal }),
  });
}

export function createServiceProfile(input: TServiceProfileInput): Promise<TServiceProfile> {
  return apiFetch<TServiceProfile>(PATH, { method: 'POST', json: input });
}

export function updateServiceProfile(
  id: number,
  input: Partial<TServiceProfileInput>,
): Promise<TServiceProfile> {
  return apiFetch<TServiceProfile>(`${PATH}/${id}`, { method: 'PUT', json: input });
}

export function deleteServiceProfile(id: number): Promise<void> {
  return apiFetch<void>(`${PATH}/${id}`, { method: 'DELETE' });
}
