import type { TTestContext } from './helper.ts';

export type TSignedIn = { cookie: string; csrfToken: string; statusCode: number };

/** Signs in through the API; `cookie` is the `name=value` pair to send back. */
export async function signIn(
  context: TTestContext,
  credentials: { username: string; password: string },
  remoteAddress = '127.0.0.1',
): Promise<TSignedIn> {
  const response = await context.anonymousInject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username: credentials.username, password: credentials.password },
    remoteAddress,
  });
  const setCookie = response.headers['set-cookie'];
  const cookie = typeof setCookie === 'string' ? (setCookie.split(';')[0] ?? '') : '';
  const csrfToken = response.statusCode === 200 ? (response.json().csrfToken as string) : '';

  return { cookie, csrfToken, statusCode: response.statusCode };
}

/** Headers for a write with a session: the cookie and its CSRF token. */
export function sessionHeaders(session: TSignedIn): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}
