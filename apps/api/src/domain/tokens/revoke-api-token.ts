import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';
import { toApiTokenView } from './to-api-token-view.ts';

/** Revokes one of the user's own tokens; another user's token reads as not found. */
export async function revokeApiToken(
  prisma: TPrisma,
  id: number,
  owner: { userId: number; username: string },
  who: TAuditActor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row || row.userId !== owner.userId) throw new AppError('NOT_FOUND', `you have no token ${id}`);
    if (row.revokedAt) return;

    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEntry(tx, who, {
      action: 'revoke',
      objectType: 'token',
      objectName: `${owner.username}/${row.name}`,
      before: toApiTokenView(row),
      after: toApiTokenView(revoked),
    });
  });
}
