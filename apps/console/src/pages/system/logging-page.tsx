import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { remoteLoggingQuery } from '../../api/system-settings.ts';
import { LoggingForm } from './logging-form.tsx';
import { RemoteLoggingDeliveryTable } from './remote-logging-delivery-table.tsx';

export function loggingLoader(queryClient: QueryClient) {
  return () => queryClient.ensureQueryData(remoteLoggingQuery());
}

export function LoggingPage() {
  const settings = useSuspenseQuery(remoteLoggingQuery()).data;

  return (
    <>
      <LoggingForm settings={settings} />
      <RemoteLoggingDeliveryTable />
    </>
  );
}
