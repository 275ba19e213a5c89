import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { LoaderFunction, LoaderFunctionArgs, RouteObject } from 'react-router';
import type { TPermission } from '../auth/permissions.ts';
import { mayLoadScreen } from '../auth/session-loaders.ts';
import { objectName, type TRouteHandle } from './route-handle.ts';

export type TLoaderFactory = (client: QueryClient) => LoaderFunction;

/** One screen's route: `null` path for the list at the folder's index. */
export type TScreenRoute = (
  path: string | null,
  handle: TRouteHandle,
  element: ReactNode,
  loader?: TLoaderFactory,
) => RouteObject;

/** What a screen's module gives once it is loaded: its element and its loader. */
export type TScreenModule = { element: ReactNode; loader?: TLoaderFactory };

/**
 * A screen whose code is fetched on first visit, so a section's screens stay out of
 * the bundle every page loads. The handle stays here: breadcrumbs need no download.
 */
export type TLazyScreenRoute = (
  path: string | null,
  handle: TRouteHandle,
  load: () => Promise<TScreenModule>,
) => RouteObject;

function where(path: string | null) {
  return path === null ? { index: true as const } : { path };
}

// A screen the user may not open loads nothing; the layout says why instead.
function guarded(queryClient: QueryClient, handle: TRouteHandle, loader: LoaderFunction) {
  return async (args: LoaderFunctionArgs) => {
    if (!(await mayLoadScreen(queryClient, handle.requires))) return null;

    return loader(args);
  };
}

export function createScreenRoute(queryClient: QueryClient): TScreenRoute {
  return (path, handle, element, loader) => {
    const data = loader ? { loader: guarded(queryClient, handle, loader(queryClient)) } : {};

    return { ...where(path), handle, element, ...data };
  };
}

export function createLazyScreenRoute(queryClient: QueryClient): TLazyScreenRoute {
  return (path, handle, load) => ({
    ...where(path),
    handle,
    lazy: async () => {
      const { element, loader } = await load();

      const data = loader ? { loader: guarded(queryClient, handle, loader(queryClient)) } : {};

      return { element, ...data };
    },
  });
}

/** A list screen and the create and edit screens below it share one breadcrumb stem. */
export function listScreens(
  trail: string[],
  screen: string,
  listPath: string,
  noun: string,
  writePermission?: TPermission,
) {
  const list: TRouteHandle = { trail, screen, screenTo: listPath };
  const requires = writePermission ? { requires: writePermission } : {};

  return {
    list,
    create: { ...list, object: `New ${noun}...`, ...requires } satisfies TRouteHandle,
    edit: { ...list, object: objectName } satisfies TRouteHandle,
  };
}
