import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';
import { assertAdministratorRemains } from './assert-administrator-remains.ts';
import { getUserRow } from './get-user-row.ts';
import { lockUsers } from './lock-users.ts';
import { toUserView } from './to-user-view.ts';

/** Deletes a user with their sessions and tokens; the audit log keeps their name. */
export async function deleteUser(
  prisma: TPrisma,
  username: string,
  actingUserId: number,
  who: TAuditActor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockUsers(tx);
    const row = await getUserRow(tx, username);
    if (row.id === actingUserId) {
      throw new AppError('SELF', 'you cannot delete your own account; another administrator can');
    }
    await assertAdministratorRemains(tx, row);

    await tx.user.delete({ where: { id: row.id } });
    await recordAuditEntry(tx, who, {
      action: 'delete',
      objectType: 'user',
      objectName: username,
      before: toUserView(row),
    });
  });
}
