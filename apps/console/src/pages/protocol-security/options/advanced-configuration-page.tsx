import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { internalParameterListQuery } from '../../../api/internal-parameters.ts';
import { SuccessBanner } from '../../../components/error-banner.tsx';
import { PermissionFieldset } from '../../../components/permission-fieldset.tsx';
import { EmptyRow } from '../../../components/table-parts.tsx';
import { InternalParameterRow } from './internal-parameter-row.tsx';

export function advancedConfigurationLoader(queryClient: QueryClient) {
  return () => queryClient.ensureQueryData(internalParameterListQuery());
}

/** The internal parameters (ICAP service path, virus header...) with their defaults. */
export function AdvancedConfigurationPage() {
  const parameters = useSuspenseQuery(internalParameterListQuery()).data.items;
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="parameter-screen">
      <SuccessBanner message={notice} />
      <PermissionFieldset permission="protection-options:write">
        <table className="data-table" aria-label="Internal parameters">
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Default</th>
              <th>Description</th>
              <th><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {parameters.length === 0 && <EmptyRow columns={5} />}
            {parameters.map((parameter) => (
              // Keyed by the stored value, so a change made elsewhere restarts the row.
              <InternalParameterRow
                key={`${parameter.name}=${parameter.value}`}
                parameter={parameter}
                onSaved={setNotice}
              />
            ))}
          </tbody>
        </table>
      </PermissionFieldset>
    </section>
  );
}
