import type { TSecurityProfile } from '@portcullis/contracts';
import { readSecurityProfileFields } from './read-security-profile-fields.ts';
import type { TSecurityProfileRow } from './security-profile-row.ts';

/** A security profile as the API shows it: every action and setting, defaults filled in. */
export function toSecurityProfileView(row: TSecurityProfileRow): TSecurityProfile {
  return {
    id: row.id,
    isSystem: row.isSystem,
    ...readSecurityProfileFields(row),
    serviceProfiles: row.serviceProfiles.map((profile) => profile.name),
  };
}
