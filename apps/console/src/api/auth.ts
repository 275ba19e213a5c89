import type { TSessionInfo } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { setCsrfToken } from '../auth/session-state.ts';
import { isApiError } from './api-error.ts';
import { apiFetch } from './api-fetch.ts';

export type TSession = TSessionInfo;

export type TSessionUser = TSessionInfo['user'];

export const sessionKeys = { current: ['auth', 'session'] as const };

async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await apiFetch<TSession>('/auth/session', { isSessionProbe: true });

    setCsrfToken(session.csrfToken);

    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;

    throw error;
  }
}

/** The current session, or null when nobody is signed in; fetched once, then kept. */
export function sessionQuery() {
  return queryOptions({
    queryKey: sessionKeys.current,
    queryFn: fetchSession,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export async function signIn(username: string, password: string): Promise<TSession> {
  const session = await apiFetch<TSession>('/auth/sign-in', {
    method: 'POST',
    json: { username, password },
    isSessionProbe: true,
  });

  setCsrfToken(session.csrfToken);

  return session;
}

export function signOut(): Promise<void> {
  return apiFetch<void>('/auth/sign-out', { method: 'POST' });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiFetch<void>('/auth/password', {
    method: 'POST',
    json: { currentPassword, newPassword },
  });
}
