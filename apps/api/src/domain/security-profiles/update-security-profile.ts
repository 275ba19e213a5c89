import type { TSecurityProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TSecurityProfilePatch } from '../../schemas/security-profile-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { getSecurityProfile } from './get-security-profile.ts';
import { mergeSecurityProfile } from './merge-security-profile.ts';
import { readSecurityProfileFields } from './read-security-profile-fields.ts';
import { toSecurityProfileData } from './to-security-profile-data.ts';

/** Changes the given values; actions and settings merge deeply into what is stored. */
export async function updateSecurityProfile(
  db: TDb,
  id: number,
  patch: TSecurityProfilePatch,
): Promise<TSecurityProfile> {
  const row = await db.securityProfile.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `no security profile with id ${id}`, { field: 'id' });

  const merged = mergeSecurityProfile(readSecurityProfileFields(row), patch);
  if (merged.name !== row.name) {
    // Seeding finds the system profile by its name; a new name would breed a twin.
    if (row.isSystem) {
      throw new AppError('SYSTEM_OBJECT', `the system profile "${row.name}" cannot be renamed`, {
        field: 'name',
      });
    }
    const holder = await db.securityProfile.findUnique({ where: { name: merged.name } });
    assertNameFree('security profile', merged.name, holder, id);
  }

  await db.securityProfile.update({ where: { id }, data: toSecurityProfileData(merged) });

  return getSecurityProfile(db, id);
}
