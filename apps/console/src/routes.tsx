import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { LoadingState } from './components/loading-state.tsx';
import { ConsoleLayout } from './layout/console-layout.tsx';
import { listNavLeaves } from './layout/nav-items.ts';
import type { TRouteHandle } from './layout/route-handle.ts';
import { RouteErrorPanel } from './layout/route-error-panel.tsx';
import { createLazyScreenRoute, createScreenRoute, listScreens } from './layout/screen-routes.ts';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PlaceholderPage } from './pages/placeholder-page.tsx';
import { protocolSecurityRoutes } from './pages/protocol-security/protocol-security-routes.tsx';
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

export const HOME_PATH = '/local-traffic/virtual-servers';

const VIRTUAL_SERVERS = listScreens(
  ['Local Traffic', 'Virtual Servers'],
  'Virtual Server List',
  HOME_PATH,
  'Virtual Server',
);
const POOLS = listScreens(
  ['Local Traffic', 'Pools'],
  'Pool List',
  '/local-traffic/pools',
  'Pool',
);
const SMTP_PROFILES = listScreens(
  ['Local Traffic', 'Profiles', 'Services'],
  'SMTP',
  '/local-traffic/profiles/services/smtp',
  'SMTP Profile',
);

function placeholderRoutes(): RouteObject[] {
  return listNavLeaves()
    .filter((leaf) => leaf.isPlaceholder)
    .map((leaf) => ({
      path: leaf.to.slice(1),
      handle: { trail: leaf.trail, screen: leaf.label } satisfies TRouteHandle,
      element: <PlaceholderPage label={[...leaf.trail, leaf.label].join(' › ')} />,
    }));
}

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
    ...placeholderRoutes(),
    { path: '*', handle: { trail: ['Main'], screen: 'Not Found' }, element: <NotFoundPage /> },
  ];

  return [
    {
      path: '/',
      element: <ConsoleLayout />,
      errorElement: <RouteErrorPanel />,
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
  return createBrowserRouter(createRoutes(queryClient));
}
