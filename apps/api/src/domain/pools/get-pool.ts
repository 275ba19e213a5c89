import type { TPool } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { loadLiveStatus } from '../workers/load-live-status.ts';
import { POOL_INCLUDE } from './pool-row.ts';
import { toPoolView } from './to-pool-view.ts';

export async function getPool(db: TDb, id: number): Promise<TPool> {
  const row = await db.pool.findUnique({ where: { id }, include: POOL_INCLUDE });
  if (!row) throw new AppError('NOT_FOUND', `no pool with id ${id}`, { field: 'id' });

  return toPoolView(row, await loadLiveStatus(db));
}
