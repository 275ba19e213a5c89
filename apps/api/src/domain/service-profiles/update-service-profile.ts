import type { TServiceProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TServiceProfilePatch } from '../../schemas/service-profile-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { assertNoInheritanceCycle } from './assert-no-inheritance-cycle.ts';
import { assertSystemProfileKept } from './assert-system-profile-kept.ts';
import { assignFirstSecurityProfile } from './assign-first-security-profile.ts';
import { findParentProfile } from './find-parent-profile.ts';
import { getServiceProfile } from './get-service-profile.ts';

async function resolveNewParentId(
  db: TDb,
  row: { id: number; name: string; isSystem: boolean },
  parentName: string | undefined,
): Promise<number | undefined> {
  if (parentName === undefined || row.isSystem) return undefined;

  const parent = await findParentProfile(db, parentName);
  await assertNoInheritanceCycle(db, row, parent);

  return parent.id;
}

export async function updateServiceProfile(
  db: TDb,
  id: number,
  patch: TServiceProfilePatch,
): Promise<TServiceProfile> {
  const row = await db.serviceProfile.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `no service profile with id ${id}`, { field: 'id' });

  assertSystemProfileKept(row, patch);
  if (patch.name !== undefined && patch.name !== row.name) {
    const holder = await db.serviceProfile.findUnique({ where: { name: patch.name } });
    assertNameFree('service profile', patch.name, holder, id);
  }

  const parentId = await resolveNewParentId(db, row, patch.parent);
  await db.serviceProfile.update({
    where: { id },
    data: { name: patch.name, protocolSecurity: patch.protocolSecurity, parentId },
  });
  if (patch.protocolSecurity === true) await assignFirstSecurityProfile(db, id);

  return getServiceProfile(db, id);
}
