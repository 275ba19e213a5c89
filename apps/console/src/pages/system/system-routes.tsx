import type { RouteObject } from 'react-router';
import type { TLazyScreenRoute } from '../../layout/screen-routes.ts';

/** System settings the workers use: DNS resolvers and the remote logging server. */
export function systemRoutes(screen: TLazyScreenRoute): RouteObject[] {
  const trail = ['System'];
  const pages = () => import('./system-pages.tsx');

  return [
    screen('system/dns', { trail, screen: 'DNS' }, async () => (await pages()).dns),
    screen('system/logging', { trail, screen: 'Logging' }, async () => (await pages()).logging),
  ];
}
