import type { TSecurityProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { SECURITY_PROFILE_INCLUDE } from './security-profile-row.ts';
import { toSecurityProfileView } from './to-security-profile-view.ts';

export async function getSecurityProfile(db: TDb, id: number): Promise<TSecurityProfile> {
  const row = await db.securityProfile.findUnique({
    where: { id },
    include: SECURITY_PROFILE_INCLUDE,
  });
  if (!row) throw new AppError('NOT_FOUND', `no security profile with id ${id}`, { field: 'id' });

  return toSecurityProfileView(row);
}
