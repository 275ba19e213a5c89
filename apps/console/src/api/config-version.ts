import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api-fetch.ts';

export type TConfigVersion = { version: number | null };

export const configKeys = {
  all: ['config'] as const,
  version: () => [...configKeys.all, 'version'] as const,
};

async function fetchConfigVersion(signal: AbortSignal): Promise<TConfigVersion> {
  const body = await apiFetch<{ version?: number | null } | number>('/config/version', { signal });

  if (typeof body === 'number') return { version: body };

  return { version: body.version ?? null };
}

export function configVersionQuery() {
  return queryOptions({
    queryKey: configKeys.version(),
    queryFn: ({ signal }) => fetchConfigVersion(signal),
  });
}
