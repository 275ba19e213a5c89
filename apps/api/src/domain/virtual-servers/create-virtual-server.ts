import type { TVirtualServer } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TVirtualServerFields } from '../../schemas/virtual-server-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { assertDestinationFree } from './assert-destination-free.ts';
import { getVirtualServer } from './get-virtual-server.ts';
import { resolveVirtualServerReferences } from './resolve-virtual-server-references.ts';

export async function createVirtualServer(
  db: TDb,
  input: TVirtualServerFields,
): Promise<TVirtualServer> {
  const { serviceProfile, defaultPool, ...fields } = input;
  const holder = await db.virtualServer.findUnique({ where: { name: input.name } });
  assertNameFree('virtual server', input.name, holder);

  const references = await resolveVirtualServerReferences(db, { serviceProfile, defaultPool });
  await assertDestinationFree(db, input);
  const row = await db.virtualServer.create({ data: { ...fields, ...references } });

  return getVirtualServer(db, row.id);
}
