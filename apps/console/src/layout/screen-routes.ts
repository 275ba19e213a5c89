import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { LoaderFunction, RouteObject } from 'react-router';
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

export function createScreenRoute(queryClient: QueryClient): TScreenRoute {
  return (path, handle, element, loader) => {
    const data = loader ? { loader: loader(queryClient) } : {};

    return { ...where(path), handle, element, ...data };
  };
}

export function createLazyScreenRoute(queryClient: QueryClient): TLazyScreenRoute {
  return (path, handle, load) => ({
    ...where(path),
    handle,
    lazy: async () => {
      const { element, loader } = await load();

      return { element, ...(loader ? { loader: loader(queryClient) } : {}) };
    },
  });
}

/** A list screen and the create and edit screens below it share one breadcrumb stem. */
export function listScreens(trail: string[], screen: string, listPath: string, noun: string) {
  const list: TRouteHandle = { trail, screen, screenTo: listPath };

  return {
    list,
    create: { ...list, object: `New ${noun}...` } satisfies TRouteHandle,
    edit: { ...list, object: objectName } satisfies TRouteHandle,
  };
}
