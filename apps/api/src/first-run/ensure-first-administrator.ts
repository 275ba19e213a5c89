import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/hash-password.ts';
import type { TPrisma } from '../db.ts';
import { recordAuditEntry } from '../domain/audit/record-audit-entry.ts';
import { lockUsers } from '../domain/users/lock-users.ts';

export type TFirstAdministrator =
  | { isCreated: false }
  | { isCreated: true; username: string; generatedPassword: string | undefined };

/**
 * On a database without users, creates the first administrator: with the given
 * password, or a random one the caller shows once. There is never a default
 * password. Several API processes starting together create one user: the users
 * lock makes the second see the first's.
 */
export async function ensureFirstAdministrator(
  prisma: TPrisma,
  options: { username: string; password: string | undefined },
): Promise<TFirstAdministrator> {
  // 18 random bytes: 24 characters a person can type, 144 bits.
  const generatedPassword = options.password ? undefined : randomBytes(18).toString('base64url');
  const password = options.password ?? (generatedPassword as string);
  const passwordHash = await hashPassword(password);

  return prisma.$transaction(async (tx) => {
    await lockUsers(tx);
    if ((await tx.user.count()) > 0) return { isCreated: false as const };

    const user = await tx.user.create({
      data: { username: options.username, role: 'ADMINISTRATOR', passwordHash },
    });
    await recordAuditEntry(tx, { actor: 'system', address: 'local' }, {
      action: 'create',
      objectType: 'user',
      objectName: user.username,
      after: { username: user.username, role: user.role, firstRun: true },
    });

    return { isCreated: true as const, username: user.username, generatedPassword };
  });
}
