import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { sessionQuery } from '../api/auth.ts';
import { readReturnTo } from '../forms/return-to.ts';
import { can, type TPermission } from './permissions.ts';
import { pathOf, signInPath } from './sign-in-path.ts';

export const HOME_PATH = '/local-traffic/virtual-servers';

/** The console's frame: nobody signed in goes to the sign-in page, wanted page kept. */
export function requireSessionLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery());

    if (!session) throw redirect(signInPath(pathOf(request.url)));

    return null;
  };
}

/** The sign-in page is not for someone signed in already: on to the page they wanted. */
export function signInLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery());

    if (session) throw redirect(readReturnTo(new URL(request.url).searchParams) ?? HOME_PATH);

    return null;
  };
}

/**
 * Whether a screen's loader should fetch: only for a signed-in user whose role may open
 * the screen. Screens' loaders run beside the frame's, so they wait for the session
 * too (one request, shared) rather than firing requests the API would refuse.
 */
export async function mayLoadScreen(
  queryClient: QueryClient,
  requires: TPermission | undefined,
): Promise<boolean> {
  const session = await queryClient.ensureQueryData(sessionQuery());

  return session !== null && (!requires || can(session.user.role, requires));
}
