import { queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery, type TPage } from './api-fetch.ts';
import { ALL_FOR_SELECT } from './list-params.ts';

// The shape of the contracts' ZInternalParameter, which exports no type of its own.
export type TInternalParameter = {
  name: string;
  value: string;
  defaultValue: string;
  description: string;
};

export const internalParameterKeys = {
  all: ['internal-parameters'] as const,
};

// There are a handful of parameters; one page holds them all.
export function internalParameterListQuery() {
  return queryOptions({
    queryKey: internalParameterKeys.all,
    queryFn: ({ signal }) =>
      apiFetch<TPage<TInternalParameter>>(withQuery('/internal-parameters', ALL_FOR_SELECT), {
        signal,
      }),
  });
}

function parameterPath(name: string): string {
  return `/internal-parameters/${encodeURIComponent(name)}`;
}

export function setInternalParameter(name: string, value: string): Promise<TInternalParameter> {
  return apiFetch<TInternalParameter>(parameterPath(name), { method: 'PUT', json: { value } });
}

export function resetInternalParameter(name: string): Promise<TInternalParameter> {
  return apiFetch<TInternalParameter>(`${parameterPath(name)}/reset`, { method: 'POST' });
}
