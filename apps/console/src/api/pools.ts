import type { TPool, TPoolInput, TPoolMemberInput } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery, type TPage } from './api-fetch.ts';
import type { TListParams } from './list-params.ts';

export const poolKeys = {
  all: ['pools'] as const,
  lists: () => [...poolKeys.all, 'list'] as const,
  list: (params: TListParams) => [...poolKeys.lists(), params] as const,
  detail: (id: number) => [...poolKeys.all, 'detail', id] as const,
};

export function poolListQuery(params: TListParams) {
  return queryOptions({
    queryKey: poolKeys.list(params),
    queryFn: ({ signal }) => apiFetch<TPage<TPool>>(withQuery('/pools', params), { signal }),
  });
}

export function poolDetailQuery(id: number) {
  return queryOptions({
    queryKey: poolKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TPool>(`/pools/${id}`, { signal }),
  });
}

export function createPool(input: TPoolInput): Promise<TPool> {
  return apiFetch<TPool>('/pools', { method: 'POST', json: input });
}

export function updatePool(id: number, input: Partial<TPoolInput>): Promise<TPool> {
  return apiFetch<TPool>(`/pools/${id}`, { method: 'PUT', json: input });
}

export function deletePool(id: number): Promise<void> {
  return apiFetch<void>(`/pools/${id}`, { method: 'DELETE' });
}

export function addPoolMember(poolId: number, member: TPoolMemberInput): Promise<unknown> {
  return apiFetch<unknown>(`/pools/${poolId}/members`, { method: 'POST', json: member });
}

export function deletePoolMember(poolId: number, memberId: number): Promise<void> {
  return apiFetch<void>(`/pools/${poolId}/members/${memberId}`, { method: 'DELETE' });
}
