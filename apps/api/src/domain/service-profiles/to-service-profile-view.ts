import type { TServiceProfile } from '@portcullis/contracts';
import type { TProfileResolution } from './load-profile-resolution.ts';
import type { TServiceProfileRow } from './service-profile-row.ts';

/**
 * A service profile as the API shows it. `securityProfile` is the one its virtual
 * servers enforce, exactly as in the snapshot: null while Protocol Security is off.
 */
export function toServiceProfileView(
  row: TServiceProfileRow,
  resolution: TProfileResolution,
): TServiceProfile {
  const effective = resolution.effective(row.id);

  return {
    id: row.id,
    name: row.name,
    isSystem: row.isSystem,
    parent: row.parent?.name ?? null,
    protocolSecurity: row.protocolSecurity,
    effective: { protocolSecurity: effective.protocolSecurity },
    securityProfile: resolution.enforcedSecurityProfile(row.id),
    virtualServers: row.virtualServers.map((server) => server.name),
  };
}
