import type { TServiceProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TServiceProfileFields } from '../../schemas/service-profile-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { assignFirstSecurityProfile } from './assign-first-security-profile.ts';
import { findParentProfile } from './find-parent-profile.ts';
import { getServiceProfile } from './get-service-profile.ts';

export async function createServiceProfile(
  db: TDb,
  input: TServiceProfileFields,
): Promise<TServiceProfile> {
  const holder = await db.serviceProfile.findUnique({ where: { name: input.name } });
  assertNameFree('service profile', input.name, holder);

  const parent = await findParentProfile(db, input.parent);
  const row = await db.serviceProfile.create({
    data: { name: input.name, parentId: parent.id, protocolSecurity: input.protocolSecurity },
  });
  if (input.protocolSecurity === true) await assignFirstSecurityProfile(db, row.id);

  return getServiceProfile(db, row.id);
}
