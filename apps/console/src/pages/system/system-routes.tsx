import type { RouteObject } from 'react-router';
import type { TRouteHandle } from '../../layout/route-handle.ts';
import type { TLazyScreenRoute } from '../../layout/screen-routes.ts';
import { AUDIT_LOG_PATH } from './audit-log/audit-filters.ts';
import { USER_LIST_PATH } from './users/user-draft.ts';

const TRAIL = ['System'];

const USERS: TRouteHandle = {
  trail: TRAIL,
  screen: 'Users',
  screenTo: USER_LIST_PATH,
  requires: 'users:manage',
};

function usernameOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('username' in data)) return undefined;

  return typeof data.username === 'string' ? data.username : undefined;
}

/**
 * Settings the workers use (DNS resolvers, the remote logging server), the users who
 * may sign in, and the audit log: all for administrators only.
 */
export function systemRoutes(screen: TLazyScreenRoute): RouteObject[] {
  const pages = () => import('./system-pages.tsx');
  const system = (name: string): TRouteHandle => ({
    trail: TRAIL,
    screen: name,
    requires: 'system:open',
  });

  return [
    screen('system/dns', system('DNS'), async () => (await pages()).dns),
    screen('system/logging', system('Logging'), async () => (await pages()).logging),
    {
      path: USER_LIST_PATH.slice(1),
      children: [
        screen(null, USERS, async () => (await pages()).userList),
        screen('new', { ...USERS, object: 'New User...' }, async () => (await pages()).userCreate),
        screen(':username', { ...USERS, object: usernameOf }, async () => (await pages()).userEdit),
      ],
    },
    screen(
      AUDIT_LOG_PATH.slice(1),
      { trail: TRAIL, screen: 'Audit Log', requires: 'audit:read' },
      async () => (await pages()).auditLog,
    ),
  ];
}
