import type { TDb } from '../../db.ts';
import { resolveProfileSettings, type TResolvedProfile } from './resolve-profile-settings.ts';

export type TProfileResolution = {
  effective(profileId: number): TResolvedProfile;
  securityProfileName(id: number | null): string | null;
};

/** Inheritance resolved for every service profile, for showing effective values. */
export async function loadProfileResolution(db: TDb): Promise<TProfileResolution> {
  const profiles = await db.serviceProfile.findMany({
    select: { id: true, parentId: true, protocolSecurity: true, securityProfileId: true },
  });
  const securityProfiles = await db.securityProfile.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  });
  const resolved = resolveProfileSettings(profiles, securityProfiles[0]?.id ?? null);
  const names = new Map(securityProfiles.map((profile) => [profile.id, profile.name]));

  return {
    effective: (id) => resolved.get(id) ?? { protocolSecurity: false, securityProfileId: null },
    securityProfileName: (id) => (id === null ? null : (names.get(id) ?? null)),
  };
}
