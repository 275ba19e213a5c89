import type { TUser, TUserPatch } from '@portcullis/contracts';
import { hashPassword } from '../../auth/hash-password.ts';
import type { TPrisma } from '../../db.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';
import { assertAdministratorRemains } from './assert-administrator-remains.ts';
import { getUserRow } from './get-user-row.ts';
import { lockUsers } from './lock-users.ts';
import { revokeUserCredentials } from './revoke-user-credentials.ts';
import { toUserView } from './to-user-view.ts';

/**
 * Changes a user's role, state or password. Any of these ends the user's sessions
 * and revokes their tokens: what they were granted no longer holds.
 */
export async function updateUser(
  prisma: TPrisma,
  username: string,
  patch: TUserPatch,
  who: TAuditActor,
): Promise<TUser> {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);

  return prisma.$transaction(async (tx) => {
    await lockUsers(tx);
    const row = await getUserRow(tx, username);
    const isDemoted = patch.role !== undefined && patch.role !== 'ADMINISTRATOR';
    if (isDemoted || patch.disabled === true) await assertAdministratorRemains(tx, row);

    const updated = await tx.user.update({
      where: { id: row.id },
      data: { role: patch.role, disabled: patch.disabled, passwordHash },
    });
    const hasChanged =
      updated.role !== row.role || updated.disabled !== row.disabled || passwordHash !== undefined;
    if (hasChanged) await revokeUserCredentials(tx, row.id);

    const before = toUserView(row);
    const after = toUserView(updated);
    await recordAuditEntry(tx, who, {
      action: 'update',
      objectType: 'user',
      objectName: username,
      before,
      after: passwordHash === undefined ? after : { ...after, password: 'changed' },
    });

    return after;
  });
}
