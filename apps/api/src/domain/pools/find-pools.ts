import type { TListQuery, TPool } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { pageArgs } from '../shared/page-args.ts';
import { loadLiveStatus } from '../workers/load-live-status.ts';
import { POOL_INCLUDE } from './pool-row.ts';
import { toPoolView } from './to-pool-view.ts';

export async function findPools(
  db: TDb,
  query: TListQuery,
): Promise<{ items: TPool[]; total: number }> {
  const args = pageArgs(query);
  const rows = await db.pool.findMany({ ...args, include: POOL_INCLUDE });
  const total = await db.pool.count({ where: args.where });
  const live = await loadLiveStatus(db);

  return { items: rows.map((row) => toPoolView(row, live)), total };
}
