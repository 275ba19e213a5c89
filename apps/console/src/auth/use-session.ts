import { useQuery } from '@tanstack/react-query';
import { sessionQuery, type TSession } from '../api/auth.ts';
import { can, type TPermission } from './permissions.ts';

/** The signed-in session; screens inside the console only render once it is known. */
export function useSession(): TSession | null {
  return useQuery(sessionQuery()).data ?? null;
}

/** Whether the signed-in user's role allows an action (see permissions.ts). */
export function useCan(permission: TPermission): boolean {
  const session = useSession();

  return session !== null && can(session.user.role, permission);
}
