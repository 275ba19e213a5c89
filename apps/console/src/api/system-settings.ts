import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api-fetch.ts';

// DNS and remote logging are the API's own screens: their schemas live in apps/api
// (schemas/system-schemas.ts), not in the shared contracts, so their shapes are here.
export type TDnsSettings = { resolvers: string[]; timeoutMs: number };

export type TRemoteLogging = {
  enabled: boolean;
  host: string | null;
  port: number;
  transport: 'UDP' | 'TCP';
};

export const systemKeys = {
  all: ['system'] as const,
  dns: () => [...systemKeys.all, 'dns'] as const,
  logging: () => [...systemKeys.all, 'logging'] as const,
};

export function dnsSettingsQuery() {
  return queryOptions({
    queryKey: systemKeys.dns(),
    queryFn: ({ signal }) => apiFetch<TDnsSettings>('/system/dns', { signal }),
  });
}

export function saveDnsSettings(settings: TDnsSettings): Promise<TDnsSettings> {
  return apiFetch<TDnsSettings>('/system/dns', { method: 'PUT', json: settings });
}

export function remoteLoggingQuery() {
  return queryOptions({
    queryKey: systemKeys.logging(),
    queryFn: ({ signal }) => apiFetch<TRemoteLogging>('/system/logging', { signal }),
  });
}

export function saveRemoteLogging(settings: TRemoteLogging): Promise<TRemoteLogging> {
  return apiFetch<TRemoteLogging>('/system/logging', { method: 'PUT', json: settings });
}
