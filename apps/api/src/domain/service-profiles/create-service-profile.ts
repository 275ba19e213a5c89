import type { TServiceProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TServiceProfileFields } from '../../schemas/service-profile-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { findParentProfile } from './find-parent-profile.ts';
import { firstSecurityProfileId } from './first-security-profile-id.ts';
import { getServiceProfile } from './get-service-profile.ts';

export async function createServiceProfile(
  db: TDb,
  input: TServiceProfileFields,
): Promise<TServiceProfile> {
  const holder = await db.serviceProfile.findUnique({ where: { name: input.name } });
  assertNameFree('service profile', input.name, holder);

  const parent = await findParentProfile(db, input.parent);
  const securityProfileId = input.protocolSecurity ? await firstSecurityProfileId(db) : null;
  const row = await db.serviceProfile.create({
    data: {
      name: input.name,
      parentId: parent.id,
      protocolSecurity: input.protocolSecurity,
      securityProfileId,
    },
  });

  return getServiceProfile(db, row.id);
}
