import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TUserRow } from './to-user-view.ts';

export async function getUserRow(db: TDb, username: string): Promise<TUserRow> {
  const row = await db.user.findUnique({ where: { username } });
  if (!row) throw new AppError('NOT_FOUND', `no user named "${username}"`);

  return row;
}
