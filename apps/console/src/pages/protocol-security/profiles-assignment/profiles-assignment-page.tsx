import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ALL_FOR_SELECT } from '../../../api/list-params.ts';
import { profileAssignmentsQuery } from '../../../api/profile-assignments.ts';
import { securityProfileListQuery } from '../../../api/security-profiles.ts';
import { InfoBanner } from '../../../components/error-banner.tsx';
import { MenuBar } from '../../../components/menu-bar.tsx';
import { SmtpAssignmentForm } from './smtp-assignment-form.tsx';

export const PROFILES_ASSIGNMENT_PATH = '/protocol-security/profiles-assignment';

const PROTOCOLS = ['HTTP', 'FTP', 'SMTP'] as const;

type TProtocol = (typeof PROTOCOLS)[number];

// SMTP is what this gateway carries, so it is the menu entry a bare URL opens.
function readProtocol(search: URLSearchParams): TProtocol {
  const value = search.get('protocol')?.toUpperCase();

  return PROTOCOLS.find((protocol) => protocol === value) ?? 'SMTP';
}

export function profilesAssignmentLoader(queryClient: QueryClient) {
  return async () => {
    await Promise.all([
      queryClient.ensureQueryData(profileAssignmentsQuery()),
      queryClient.ensureQueryData(securityProfileListQuery(ALL_FOR_SELECT)),
    ]);

    return null;
  };
}

/** Per protocol, which security profile each service profile uses. */
export function ProfilesAssignmentPage() {
  const protocol = readProtocol(useSearchParams()[0]);
  const assignments = useSuspenseQuery(profileAssignmentsQuery()).data;
  const section = assignments.protocols.find((entry) => entry.protocol === protocol);
  const items = PROTOCOLS.map((label) => ({
    label,
    to: `${PROFILES_ASSIGNMENT_PATH}?protocol=${label}`,
    isActive: label === protocol,
  }));

  return (
    <section className="assignment-screen">
      <MenuBar label="Protocols" items={items} />
      {section?.note && <InfoBanner message={section.note} />}
      {protocol === 'SMTP' && section && (
        <SmtpAssignmentForm rows={section.rows} />
      )}
    </section>
  );
}
