import type {
  TVirtualServer,
  TVirtualServerInput,
  TVirtualServerUpdate,
} from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery, type TPage } from './api-fetch.ts';
import type { TListParams } from './list-params.ts';

const PATH = '/virtual-servers';

export const virtualServerKeys = {
  all: ['virtual-servers'] as const,
  lists: () => [...virtualServerKeys.all, 'list'] as const,
  list: (params: TListParams) => [...virtualServerKeys.lists(), params] as const,
  detail: (id: number) => [...virtualServerKeys.all, 'detail', id] as const,
};

export function virtualServerListQuery(params: TListParams) {
  return queryOptions({
    queryKey: virtualServerKeys.list(params),
    queryFn: ({ signal }) =>
      apiFetch<TPage<TVirtualServer>>(withQuery(PATH, params), { signal }),
  });
}

export function virtualServerDetailQuery(id: number) {
  return queryOptions({
    queryKey: virtualServerKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TVirtualServer>(`${PATH}/${id}`, { signal }),
  });
}

export function createVirtualServer(input: TVirtualServerInput): Promise<TVirtualServer> {
  return apiFetch<TVirtualServer>(PATH, { method: 'POST', json: input });
}

export function updateVirtualServer(
  id: number,
  input: TVirtualServerUpdate,
): Promise<TVirtualServer> {
  return apiFetch<TVirtualServer>(`${PATH}/${id}`, { method: 'PUT', json: input });
}

export function deleteVirtualServer(id: number): Promise<void> {
  return apiFetch<void>(`${PATH}/${id}`, { method: 'DELETE' });
}
