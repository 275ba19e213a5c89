import type { TUser, TUserInput, TUserPatch } from '@portcullis/contracts';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-fetch.ts';

export type { TUser, TUserPatch };

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  detail: (username: string) => [...userKeys.all, 'detail', username] as const,
};

function userPath(username: string): string {
  return `/users/${encodeURIComponent(username)}`;
}

// After a change the users are refetched even while no screen shows them, so going
// back to the list never shows the state before the change.
export function refreshUsers(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: userKeys.all, refetchType: 'all' });
}

export function userListQuery() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: TUser[] }>('/users', { signal }),
  });
}

export function userDetailQuery(username: string) {
  return queryOptions({
    queryKey: userKeys.detail(username),
    queryFn: ({ signal }) => apiFetch<TUser>(userPath(username), { signal }),
  });
}

export function createUser(input: TUserInput): Promise<TUser> {
  return apiFetch<TUser>('/users', { method: 'POST', json: input });
}

export function updateUser(username: string, patch: TUserPatch): Promise<TUser> {
  return apiFetch<TUser>(userPath(username), { method: 'PATCH', json: patch });
}

export function deleteUser(username: string): Promise<void> {
  return apiFetch<void>(userPath(username), { method: 'DELETE' });
}
