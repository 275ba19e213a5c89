import type { TApiToken } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { toApiTokenView } from './to-api-token-view.ts';

/** The user's tokens, newest first, revoked and expired ones included. */
export async function findApiTokens(db: TDb, userId: number): Promise<TApiToken[]> {
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { id: 'desc' } });

  return rows.map(toApiTokenView);
}
