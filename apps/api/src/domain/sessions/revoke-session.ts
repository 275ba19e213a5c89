import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';

/**
 * Ends a session. `ownerId` limits it to that user's sessions (null: any, for
 * administrators); someone else's session reads as not found, revealing nothing.
 */
export async function revokeSession(
  prisma: TPrisma,
  id: string,
  ownerId: number | null,
  who: TAuditActor,
  action: 'revoke' | 'sign-out' = 'revoke',
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.session.findUnique({ where: { id }, include: { user: true } });
    const isVisible = row && (ownerId === null || row.userId === ownerId);
    if (!row || !isVisible || row.revokedAt) throw new AppError('NOT_FOUND', 'no such live session');

    await tx.session.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEntry(tx, who, {
      action,
      objectType: 'session',
      objectName: row.user.username,
      before: { id: row.id, address: row.address, createdAt: row.createdAt, expiresAt: row.expiresAt },
    });
  });
}
