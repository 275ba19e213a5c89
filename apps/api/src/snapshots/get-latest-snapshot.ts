import type { TSnapshot } from '@portcullis/contracts';
import type { TDb } from '../db.ts';
import { AppError } from '../errors/app-error.ts';

/** The newest stored snapshot. It was checked against the contract when stored. */
export async function getLatestSnapshot(db: TDb): Promise<TSnapshot> {
  const row = await db.configSnapshot.findFirst({ orderBy: { version: 'desc' } });
  if (!row) throw new AppError('NOT_FOUND', 'no configuration snapshot exists yet');

  return row.snapshot as unknown as TSnapshot;
}
