import type { TPool } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TPoolFields } from '../../schemas/pool-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { assertMembersUnique } from './assert-members-unique.ts';
import { getPool } from './get-pool.ts';
import { toMemberData } from './to-member-data.ts';

export async function createPool(db: TDb, input: TPoolFields): Promise<TPool> {
  const { members, ...fields } = input;
  assertNameFree('pool', input.name, await db.pool.findUnique({ where: { name: input.name } }));
  assertMembersUnique(members);

  const pool = await db.pool.create({
    data: { ...fields, members: { create: members.map(toMemberData) } },
  });

  return getPool(db, pool.id);
}
