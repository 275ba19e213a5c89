import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { dnsSettingsQuery } from '../../api/system-settings.ts';
import { DnsForm } from './dns-form.tsx';

export function dnsLoader(queryClient: QueryClient) {
  return () => queryClient.ensureQueryData(dnsSettingsQuery());
}

export function DnsPage() {
  const settings = useSuspenseQuery(dnsSettingsQuery()).data;

  return <DnsForm settings={settings} />;
}
