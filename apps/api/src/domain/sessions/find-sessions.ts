import type { TSessionItem } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';

// Sessions past their idle time are still listed until their absolute expiry:
// harmless, and revoking one of them is still allowed.
const MAX_SESSIONS = 1000;

/** Live sessions, newest first: the user's own, or everyone's for `userId` null. */
export async function findSessions(
  db: TDb,
  userId: number | null,
  currentSessionId: string | undefined,
): Promise<TSessionItem[]> {
  const rows = await db.session.findMany({
    where: { revokedAt: null, expiresAt: { gt: new Date() }, ...(userId === null ? {} : { userId }) },
    include: { user: { select: { username: true } } },
    orderBy: { createdAt: 'desc' },
    take: MAX_SESSIONS,
  });

  return rows.map((row) => ({
    id: row.id,
    username: row.user.username,
    address: row.address,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    current: row.id === currentSessionId,
  }));
}
