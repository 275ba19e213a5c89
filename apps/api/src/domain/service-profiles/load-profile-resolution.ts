import type { TDb } from '../../db.ts';
import { firstSecurityProfileId } from './first-security-profile-id.ts';
import { resolveProfileSettings, type TResolvedProfile } from './resolve-profile-settings.ts';

export type TProfileResolution = {
  effective(profileId: number): TResolvedProfile;
  securityProfileName(id: number | null): string | null;
  /** The security profile a service profile's virtual servers enforce; null while off. */
  enforcedSecurityProfile(profileId: number): string | null;
};

/**
 * Inheritance resolved for every service profile, for showing effective values and
 * compiling snapshots (one implementation for both, so they always agree).
 */
export async function loadProfileResolution(db: TDb): Promise<TProfileResolution> {
  const profiles = await db.serviceProfile.findMany({
    select: { id: true, parentId: true, protocolSecurity: true, securityProfileId: true },
  });
  const securityProfiles = await db.securityProfile.findMany({ select: { id: true, name: true } });
  // Where nothing is assigned on the chain, the first-listed profile applies.
  const resolved = resolveProfileSettings(profiles, await firstSecurityProfileId(db));
  const names = new Map(securityProfiles.map((profile) => [profile.id, profile.name]));

  const effective = (id: number) =>
    resolved.get(id) ?? { protocolSecurity: false, securityProfileId: null };
  const securityProfileName = (id: number | null) => (id === null ? null : (names.get(id) ?? null));

  return {
    effective,
    securityProfileName,
    enforcedSecurityProfile: (profileId) => {
      const { protocolSecurity, securityProfileId } = effective(profileId);

      return protocolSecurity ? securityProfileName(securityProfileId) : null;
    },
  };
}
