import type { TUser, TUserInput } from '@portcullis/contracts';
import { hashPassword } from '../../auth/hash-password.ts';
import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';
import { toUserView } from './to-user-view.ts';

export async function createUser(prisma: TPrisma, input: TUserInput, who: TAuditActor): Promise<TUser> {
  // Hashing takes a while; do it before holding a connection in a transaction.
  const passwordHash = await hashPassword(input.password);

  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { username: input.username } });
    if (existing) {
      throw new AppError('NAME_TAKEN', `a user named "${input.username}" already exists`, {
        field: 'username',
      });
    }

    const row = await tx.user.create({
      data: { username: input.username, role: input.role, passwordHash },
    });
    const user = toUserView(row);
    await recordAuditEntry(tx, who, {
      action: 'create',
      objectType: 'user',
      objectName: user.username,
      after: user,
    });

    return user;
  });
}
