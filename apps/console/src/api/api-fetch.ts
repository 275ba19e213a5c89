import { ZApiError } from '@portcullis/contracts';
import { ApiError } from './api-error.ts';

export const API_BASE = '/api/v1';

export type TApiFetchInit = Omit<RequestInit, 'body'> & { json?: unknown };

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
 * failures as failures.
 */
export async function apiFetch<T>(path: string, init: TApiFetchInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const body = json === undefined ? undefined : JSON.stringify(json);
  const contentType: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
  let response: Response;

  try {
    response = await fetch(`${API_BASE}${path}`, {
      ...rest,
      body,
      headers: { accept: 'application/json', ...contentType, ...headers },
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;

    throw new ApiError('UNREACHABLE', 'The API did not answer. Check that it is running.', 0);
  }

  if (response.ok) return readBody<T>(response);

  throw await toApiError(response);
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

  return new ApiError(code, message, response.status, field);
}
