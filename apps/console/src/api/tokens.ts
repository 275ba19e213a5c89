import type { TApiToken, TApiTokenCreated, TApiTokenInput } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api-fetch.ts';

// API tokens belong to the signed-in user; the secret itself is only ever in the
// answer to their creation.
export type { TApiToken };

export type TNewApiToken = TApiTokenCreated;

export const tokenKeys = { list: ['tokens', 'list'] as const };

export function tokenListQuery() {
  return queryOptions({
    queryKey: tokenKeys.list,
    queryFn: ({ signal }) => apiFetch<{ items: TApiToken[] }>('/tokens', { signal }),
  });
}

export function createToken(input: TApiTokenInput): Promise<TNewApiToken> {
  return apiFetch<TNewApiToken>('/tokens', { method: 'POST', json: input });
}

export function revokeToken(id: number): Promise<void> {
  return apiFetch<void>(`/tokens/${id}`, { method: 'DELETE' });
}
