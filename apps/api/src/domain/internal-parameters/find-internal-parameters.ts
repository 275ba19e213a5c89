import type { TListQuery } from '@portcullis/contracts';
import type { InternalParameter } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import { pageArgs } from '../shared/page-args.ts';

export async function findInternalParameters(
  db: TDb,
  query: TListQuery,
): Promise<{ items: InternalParameter[]; total: number }> {
  const args = pageArgs(query);
  const items = await db.internalParameter.findMany(args);
  const total = await db.internalParameter.count({ where: args.where });

  return { items, total };
}
