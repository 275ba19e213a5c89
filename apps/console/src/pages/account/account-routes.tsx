import type { RouteObject } from 'react-router';
import type { TLazyScreenRoute } from '../../layout/screen-routes.ts';
import { API_TOKENS_PATH, CHANGE_PASSWORD_PATH } from './account-paths.ts';

/** The signed-in user's own things, reached from the user menu; open to every role. */
export function accountRoutes(screen: TLazyScreenRoute): RouteObject[] {
  const trail = ['Account'];
  const pages = () => import('./account-pages.tsx');

  return [
    screen(
      CHANGE_PASSWORD_PATH.slice(1),
      { trail, screen: 'Change Password' },
      async () => (await pages()).changePassword,
    ),
    screen(
      API_TOKENS_PATH.slice(1),
      { trail, screen: 'API Tokens' },
      async () => (await pages()).apiTokens,
    ),
  ];
}
