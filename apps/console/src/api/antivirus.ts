import type { TAntivirusOptions } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api-fetch.ts';

export const antivirusKeys = {
  all: ['antivirus'] as const,
};

export function antivirusQuery() {
  return queryOptions({
    queryKey: antivirusKeys.all,
    queryFn: ({ signal }) => apiFetch<TAntivirusOptions>('/antivirus', { signal }),
  });
}

export function saveAntivirus(options: TAntivirusOptions): Promise<TAntivirusOptions> {
  return apiFetch<TAntivirusOptions>('/antivirus', { method: 'PUT', json: options });
}
