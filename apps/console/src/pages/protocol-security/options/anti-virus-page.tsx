import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { antivirusQuery } from '../../../api/antivirus.ts';
import { AntiVirusForm } from './anti-virus-form.tsx';

export function antivirusLoader(queryClient: QueryClient) {
  return () => queryClient.ensureQueryData(antivirusQuery());
}

export function AntiVirusPage() {
  const options = useSuspenseQuery(antivirusQuery()).data;

  return <AntiVirusForm options={options} />;
}
