import type { TStartedProcess } from './child-process.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    method: string,
    url: string,
  ) {
    super(`${method} ${url} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export interface TApiClient {
  request<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  waitUntilHealthy(timeoutMs: number, api?: TStartedProcess): Promise<void>;
  waitForWorkersInSync(count: number, timeoutMs: number): Promise<number>;
}

export interface TApiClientOptions {
  // An API token (pct_...), sent as `Authorization: Bearer <token>`.
  token?: string;
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small REST client for the API, throwing on any non-2xx answer. */
export function createApiClient(baseUrl: string, options: TApiClientOptions = {}): TApiClient {
  const authorization: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? authorization : { ...authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiRequestError(response.status, parsed, method, path);

    return parsed;
  };

  const waitUntilHealthy = async (timeoutMs: number, api?: TStartedProcess) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (api && api.child.exitCode !== null) throw new Error('the API exited during start-up');
      try {
        await request('GET', '/api/v1/health');
        return;
      } catch {
        await sleep(POLL_MS * 2);
      }
    }
    throw new Error(`the API was not healthy within ${timeoutMs} ms`);
  };

  const waitForWorkersInSync = async (count: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let last: unknown = null;
    while (Date.now() < deadline) {
      const { version } = await request('GET', '/api/v1/config/version');
      const workers = await request('GET', '/api/v1/workers');
      last = workers;
      const list = Array.isArray(workers) ? workers : workers.items;
      const inSync = list.filter((w: any) => w.isAlive && w.appliedVersion === version);
      if (inSync.length >= count) return version as number;
      await sleep(POLL_MS);
    }
    throw new Error(`workers not in sync within ${timeoutMs} ms: ${JSON.stringify(last)}`);
  };

  return { request, waitUntilHealthy, waitForWorkersInSync };
}

/**
 * Signs in with a username and password and creates an API token for that user,
 * as a script's owner would once in the console. Returns the token.
 */
export async function createApiToken(
  baseUrl: string,
  credentials: { username: string; password: string },
  token: { name: string; role?: string; expiresInDays?: number } = { name: 'testkit' },
): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const session = (await signIn.json()) as { csrfToken: string };
  if (!signIn.ok) throw new ApiRequestError(signIn.status, session, 'POST', '/api/v1/auth/sign-in');

  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ role: 'ADMINISTRATOR', expiresInDays: 1, ...token }),
  });
  const body = (await created.json()) as { token: string };
  if (!created.ok) throw new ApiRequestError(created.status, body, 'POST', '/api/v1/tokens');

  return body.token;
}
