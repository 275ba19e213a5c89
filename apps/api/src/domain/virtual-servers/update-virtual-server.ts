import type { TVirtualServer } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TVirtualServerPatch } from '../../schemas/virtual-server-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { assertDestinationFree } from './assert-destination-free.ts';
import { getVirtualServer } from './get-virtual-server.ts';
import { mergeVirtualServer } from './merge-virtual-server.ts';
import { resolveVirtualServerReferences } from './resolve-virtual-server-references.ts';
import { toVirtualServerFields } from './to-virtual-server-fields.ts';
import { VIRTUAL_SERVER_INCLUDE } from './virtual-server-row.ts';

export async function updateVirtualServer(
  db: TDb,
  id: number,
  patch: TVirtualServerPatch,
): Promise<TVirtualServer> {
  const row = await db.virtualServer.findUnique({ where: { id }, include: VIRTUAL_SERVER_INCLUDE });
  if (!row) throw new AppError('NOT_FOUND', `no virtual server with id ${id}`, { field: 'id' });

  const merged = mergeVirtualServer(toVirtualServerFields(row), patch);
  const { serviceProfile, defaultPool, ...fields } = merged;
  if (merged.name !== row.name) {
    const holder = await db.virtualServer.findUnique({ where: { name: merged.name } });
    assertNameFree('virtual server', merged.name, holder, id);
  }

  const references = await resolveVirtualServerReferences(db, { serviceProfile, defaultPool });
  await assertDestinationFree(db, merged, id);
  await db.virtualServer.update({ where: { id }, data: { ...fields, ...references } });

  return getVirtualServer(db, id);
}
