import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { HOME_PATH, requireSessionLoader, signInLoader } from './auth/session-loaders.ts';
import { onSessionEnded } from './auth/session-state.ts';
import { SIGN_IN_PATH, signInPath } from './auth/sign-in-path.ts';
import { sessionKeys } from './api/auth.ts';
import { LoadingState } from './components/loading-state.tsx';
import { ConsoleLayout } from './layout/console-layout.tsx';
import type { TRouteHandle } from './layout/route-handle.ts';
import { RouteErrorPanel } from './layout/route-error-panel.tsx';
import { createLazyScreenRoute, createScreenRoute, listScreens } from './layout/screen-routes.ts';
import { accountRoutes } from './pages/account/account-routes.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { protocolSecurityRoutes } from './pages/protocol-security/protocol-security-routes.tsx';
import { SignInPage } from './pages/sign-in/sign-in-page.tsx';
import { systemRoutes } from './pages/system/system-routes.tsx';
import { PoolCreatePage } from './pages/local-traffic/pools/pool-create-page.tsx';
import { poolEditLoader, PoolEditPage } from './pages/local-traffic/pools/pool-edit-page.tsx';
import { poolListLoader, PoolListPage } from './pages/local-traffic/pools/pool-list-page.tsx';
import {
  serviceProfileCreateLoader,
  ServiceProfileCreatePage,
} from './pages/local-traffic/service-profiles/service-profile-create-page.tsx';
import {
  serviceProfileEditLoader,
  ServiceProfileEditPage,
} from './pages/local-traffic/service-profiles/service-profile-edit-page.tsx';
import {
  serviceProfileListLoader,
  ServiceProfileListPage,
} from './pages/local-traffic/service-profiles/service-profile-list-page.tsx';
import {
  virtualServerCreateLoader,
  VirtualServerCreatePage,
} from './pages/local-traffic/virtual-servers/virtual-server-create-page.tsx';
import {
  virtualServerEditLoader,
  VirtualServerEditPage,
} from './pages/local-traffic/virtual-servers/virtual-server-edit-page.tsx';
import {
  virtualServerListLoader,
  VirtualServerListPage,
} from './pages/local-traffic/virtual-servers/virtual-server-list-page.tsx';

// Everyone may look at Local Traffic; only its create screens need the right to change it.
const WRITE = 'local-traffic:write';

const VIRTUAL_SERVERS = listScreens(
  ['Local Traffic', 'Virtual Servers'],
  'Virtual Server List',
  HOME_PATH,
  'Virtual Server',
  WRITE,
);
const POOLS = listScreens(
  ['Local Traffic', 'Pools'],
  'Pool List',
  '/local-traffic/pools',
  'Pool',
  WRITE,
);
const SMTP_PROFILES = listScreens(
  ['Local Traffic', 'Profiles', 'Services'],
  'SMTP',
  '/local-traffic/profiles/services/smtp',
  'SMTP Profile',
  WRITE,
);

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const screen = createScreenRoute(queryClient);
  const lazyScreen = createLazyScreenRoute(queryClient);

  const screenRoutes: RouteObject[] = [
    { index: true, element: <Navigate to={HOME_PATH} replace /> },
    {
      path: 'local-traffic/virtual-servers',
      children: [
        screen(null, VIRTUAL_SERVERS.list, <VirtualServerListPage />, virtualServerListLoader),
        screen(
          'new',
          VIRTUAL_SERVERS.create,
          <VirtualServerCreatePage />,
          virtualServerCreateLoader,
        ),
        screen(':id', VIRTUAL_SERVERS.edit, <VirtualServerEditPage />, virtualServerEditLoader),
      ],
    },
    {
      path: 'local-traffic/pools',
      children: [
        screen(null, POOLS.list, <PoolListPage />, poolListLoader),
        screen('new', POOLS.create, <PoolCreatePage />),
        screen(':id', POOLS.edit, <PoolEditPage />, poolEditLoader),
      ],
    },
    {
      path: 'local-traffic/profiles/services/smtp',
      children: [
        screen(null, SMTP_PROFILES.list, <ServiceProfileListPage />, serviceProfileListLoader),
        screen(
          'new',
          SMTP_PROFILES.create,
          <ServiceProfileCreatePage />,
          serviceProfileCreateLoader,
        ),
        screen(':id', SMTP_PROFILES.edit, <ServiceProfileEditPage />, serviceProfileEditLoader),
      ],
    },
    ...protocolSecurityRoutes(lazyScreen),
    ...systemRoutes(lazyScreen),
    ...accountRoutes(lazyScreen),
    { path: '*', handle: { trail: ['Main'], screen: 'Not Found' }, element: <NotFoundPage /> },
  ];

  return [
    {
      path: SIGN_IN_PATH,
      loader: signInLoader(queryClient),
      element: <SignInPage />,
      errorElement: <RouteErrorPanel />,
      hydrateFallbackElement: <LoadingState />,
    },
    {
      path: '/',
      loader: requireSessionLoader(queryClient),
      element: <ConsoleLayout />,
      errorElement: <RouteErrorPanel />,
      hydrateFallbackElement: <LoadingState />,
      children: [
        {
          // Inside the layout, so a screen that fails to load keeps header and tree.
          errorElement: <RouteErrorPanel />,
          hydrateFallbackElement: <LoadingState />,
          children: screenRoutes,
        },
      ],
    },
  ];
}

export function createConsoleRouter(queryClient: QueryClient) {
  const router = createBrowserRouter(createRoutes(queryClient));

  // Any 401 (the session expired or was revoked elsewhere) forgets everything cached
  // and sends the user to sign in again, back to this page afterwards.
  onSessionEnded(() => {
    const here = `${window.location.pathname}${window.location.search}`;

    if (here.startsWith(SIGN_IN_PATH)) return;
    queryClient.clear();
    queryClient.setQueryData(sessionKeys.current, null);
    void router.navigate(signInPath(here), { replace: true });
  });

  return router;
}
