import type { TProfileAssignments } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { loadProfileResolution } from '../service-profiles/load-profile-resolution.ts';

// The appliance's screen lists HTTP and FTP too; this gateway has no such profiles.
const SMTP_ONLY_NOTE = 'This gateway carries SMTP only; it has no %s service profiles to assign.';

/**
 * Profiles Assignment: for each SMTP service profile, the virtual servers using
 * it, its effective Protocol Security, and the security profile it uses (its
 * own, inherited, or the first-listed one where none is assigned).
 */
export async function getProfileAssignments(db: TDb): Promise<TProfileAssignments> {
  const profiles = await db.serviceProfile.findMany({
    orderBy: { name: 'asc' },
    include: { virtualServers: { select: { name: true }, orderBy: { name: 'asc' } } },
  });
  const resolution = await loadProfileResolution(db);

  const rows = profiles.map((profile) => {
    const effective = resolution.effective(profile.id);

    return {
      serviceProfile: profile.name,
      protocolSecurity: effective.protocolSecurity,
      virtualServers: profile.virtualServers.map((server) => server.name),
      securityProfile: resolution.securityProfileName(effective.securityProfileId),
    };
  });

  return {
    protocols: [
      { protocol: 'HTTP', rows: [], note: SMTP_ONLY_NOTE.replace('%s', 'HTTP') },
      { protocol: 'FTP', rows: [], note: SMTP_ONLY_NOTE.replace('%s', 'FTP') },
      { protocol: 'SMTP', rows, note: null },
    ],
  };
}
