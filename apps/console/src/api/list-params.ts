import { ZListQuery, type TListQuery } from '@portcullis/contracts';

// A list screen's page, size and filter live in the URL, parsed by the same schema
// the API uses for its query string; anything unparsable falls back to the defaults.
export const DEFAULT_PER_PAGE = 25;

export type TListParams = { page: number; perPage: number; q?: string };

export function readListParams(search: URLSearchParams): TListParams {
  const raw = Object.fromEntries(search.entries());
  const parsed = ZListQuery.safeParse({ perPage: DEFAULT_PER_PAGE, ...raw });
  const value: TListQuery = parsed.success ? parsed.data : { page: 1, perPage: DEFAULT_PER_PAGE };
  const q = value.q?.trim();
  const params = { page: value.page, perPage: value.perPage };

  return q ? { ...params, q } : params;
}

/** Options for selects: every object of a kind, in one page the API allows. */
export const ALL_FOR_SELECT: TListParams = { page: 1, perPage: 500 };
