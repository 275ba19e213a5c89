import type { TSecurityProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TSecurityProfileFields } from '../../schemas/security-profile-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { getSecurityProfile } from './get-security-profile.ts';
import { toSecurityProfileData } from './to-security-profile-data.ts';

export async function createSecurityProfile(
  db: TDb,
  input: TSecurityProfileFields,
): Promise<TSecurityProfile> {
  const holder = await db.securityProfile.findUnique({ where: { name: input.name } });
  assertNameFree('security profile', input.name, holder);

  const row = await db.securityProfile.create({ data: toSecurityProfileData(input) });

  return getSecurityProfile(db, row.id);
}
