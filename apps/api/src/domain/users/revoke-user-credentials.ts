import type { TDb } from '../../db.ts';

/**
 * Ends a user's sessions and revokes their API tokens, after a change of role,
 * password or state. `keepSessionId` spares the session that made the change.
 */
export async function revokeUserCredentials(db: TDb, userId: number, keepSessionId?: string) {
  const now = new Date();
  await db.session.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now },
  });
  await db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
