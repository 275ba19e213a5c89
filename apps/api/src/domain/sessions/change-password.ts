import { hashPassword, verifyPassword } from '../../auth/hash-password.ts';
import type { TPrincipal } from '../../auth/principal.ts';
import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';

/**
 * A user's change of their own password. Their other sessions end, so a session
 * opened with the old password does not outlive it; the current one stays.
 */
export async function changePassword(
  prisma: TPrisma,
  caller: TPrincipal,
  passwords: { currentPassword: string; newPassword: string },
  who: TAuditActor,
): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: caller.userId } });
  if (!(await verifyPassword(passwords.currentPassword, user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong', {
      field: 'currentPassword',
    });
  }

  const passwordHash = await hashPassword(passwords.newPassword);
  const keepSessionId = caller.via === 'session' ? caller.sessionId : undefined;

  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAuditEntry(tx, who, {
      action: 'password-change',
      objectType: 'user',
      objectName: user.username,
    });
  });
}
