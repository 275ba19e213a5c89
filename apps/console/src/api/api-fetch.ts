import { ZApiError } from '@portcullis/contracts';
import { getCsrfToken, reportSessionEnded, setCsrfToken } from '../auth/session-state.ts';
import { ApiError } from './api-error.ts';

export const API_BASE = '/api/v1';

export type TApiFetchInit = Omit<RequestInit, 'body'> & {
  json?: unknown;
  // The session check itself: its 401 means "not signed in", not "signed out just now".
  isSessionProbe?: boolean;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type TPage<T> = { items: T[]; total: number; page: number; perPage: number };

type TQueryValue = string | number | boolean | null | undefined;

/** Appends the defined parameters to a path as a query string. */
export function withQuery(path: string, params: Record<string, TQueryValue>): string {
  const search = new URLSearchParams();

  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();

  return query ? `${path}?${query}` : path;
}

/**
 * The one way the console talks to the API. Resolves with the parsed JSON body (or
 * undefined for 204) and throws ApiError for anything else, so react-query sees
 * failures as failures. Writes carry the session's CSRF token; a 401 ends the session
 * in the console too, which sends the user to the sign-in page.
 */
export async function apiFetch<T>(path: string, init: TApiFetchInit = {}): Promise<T> {
  const response = await send(path, init);

  if (response.ok) return readBody<T>(response);
  const error = await toApiError(response);

  if (error.code === 'CSRF_TOKEN_INVALID' && (await refreshCsrfToken())) {
    // Another tab signed in again and the cookie now names a newer session.
    const retried = await send(path, init);

    if (retried.ok) return readBody<T>(retried);
    throw await toApiError(retried);
  }
  if (endsSession(error, init)) reportSessionEnded();

  throw error;
}

// Wrong credentials (sign-in, the current password) are the form's error, not a sign-out.
function endsSession(error: ApiError, init: TApiFetchInit): boolean {
  return error.status === 401 && error.code !== 'INVALID_CREDENTIALS' && !init.isSessionProbe;
}

async function send(path: string, init: TApiFetchInit): Promise<Response> {
  const { json, headers, isSessionProbe: _probe, ...rest } = init;
  const body = json === undefined ? undefined : JSON.stringify(json);
  const contentType: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
  const csrfToken = getCsrfToken();
  const isWrite = !SAFE_METHODS.has((rest.method ?? 'GET').toUpperCase());
  const csrf: Record<string, string> = isWrite && csrfToken ? { 'x-csrf-token': csrfToken } : {};

  try {
    return await fetch(`${API_BASE}${path}`, {
      ...rest,
      body,
      headers: { accept: 'application/json', ...contentType, ...csrf, ...headers },
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;

    throw new ApiError('UNREACHABLE', 'The API did not answer. Check that it is running.', 0);
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/auth/session', { isSessionProbe: true });

  if (!response.ok) return false;
  const session = (await response.json()) as { csrfToken?: string };

  setCsrfToken(session.csrfToken ?? null);

  return Boolean(session.csrfToken);
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;

  const text = await response.text();

  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let payload: unknown = null;

  try {
    payload = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the generic message.
  }
  const parsed = ZApiError.safeParse(payload);

  if (!parsed.success) {
    const message = `The API answered ${response.status} ${response.statusText}.`.trim();

    return new ApiError(`HTTP_${response.status}`, message, response.status);
  }
  const { code, message, field } = parsed.data.error;
  const error = new ApiError(code, message, response.status, field);

  error.retryAfterS = readRetryAfter(response);

  return error;
}

// Retry-After in seconds (RFC 9110 section 10.2.3); the date form is not used by our API.
function readRetryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));

  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
