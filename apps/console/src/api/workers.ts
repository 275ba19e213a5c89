import type { TWorkerState } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, type TPage } from './api-fetch.ts';

export const workerKeys = {
  all: ['workers'] as const,
};

// The API answers with a page like every list; a bare array is accepted as well so
// the header keeps working whichever shape a deployment's API has.
async function fetchWorkers(signal: AbortSignal): Promise<TWorkerState[]> {
  const body = await apiFetch<TPage<TWorkerState> | TWorkerState[]>('/workers', { signal });

  return Array.isArray(body) ? body : body.items;
}

export function workerListQuery() {
  return queryOptions({
    queryKey: workerKeys.all,
    queryFn: ({ signal }) => fetchWorkers(signal),
  });
}
