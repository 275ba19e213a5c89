import type { TPool } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPoolPatch } from '../../schemas/pool-schemas.ts';
import { assertNameFree } from '../shared/assert-name-free.ts';
import { assertMembersUnique } from './assert-members-unique.ts';
import { getPool } from './get-pool.ts';
import { replacePoolMembers } from './replace-pool-members.ts';

/** Changes the given fields; a `members` list replaces the pool's members. */
export async function updatePool(db: TDb, id: number, patch: TPoolPatch): Promise<TPool> {
  const { members, ...fields } = patch;
  const pool = await db.pool.findUnique({ where: { id } });
  if (!pool) throw new AppError('NOT_FOUND', `no pool with id ${id}`, { field: 'id' });

  if (fields.name !== undefined) {
    const holder = await db.pool.findUnique({ where: { name: fields.name } });
    assertNameFree('pool', fields.name, holder, id);
  }
  if (members) assertMembersUnique(members);

  await db.pool.update({ where: { id }, data: fields });
  if (members) await replacePoolMembers(db, id, members);

  return getPool(db, id);
}
