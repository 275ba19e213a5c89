import type { TSessionInfo, TSignIn } from '@portcullis/contracts';
import { getDummyHash, verifyPassword } from '../../auth/hash-password.ts';
import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { createSession } from './create-session.ts';

export type TSignedIn = TSessionInfo & { sessionSecret: string; expiresAtDate: Date };

/**
 * Checks a username and password and opens a session. Unknown users, wrong
 * passwords and disabled accounts get the same error after the same work (a
 * dummy hash stands in for a missing user), and each failure is audited.
 */
export async function signIn(
  prisma: TPrisma,
  input: TSignIn,
  address: string,
  ttlMs: number,
): Promise<TSignedIn> {
  const user = await prisma.user.findUnique({ where: { username: input.username } });
  const hash = user?.passwordHash ?? (await getDummyHash());
  const isPasswordRight = await verifyPassword(input.password, hash);
  const who = { actor: input.username, address };

  if (!user || user.disabled || !isPasswordRight) {
    await recordAuditEntry(prisma, who, {
      action: 'sign-in-failed',
      objectType: 'session',
      objectName: input.username,
    });
    throw new AppError('INVALID_CREDENTIALS', 'the username or the password is wrong');
  }

  const session = await prisma.$transaction(async (tx) => {
    const created = await createSession(tx, user.id, address, ttlMs);
    await recordAuditEntry(tx, who, {
      action: 'sign-in',
      objectType: 'session',
      objectName: user.username,
      after: { id: created.id, expiresAt: created.expiresAt },
    });

    return created;
  });

  return {
    user: { username: user.username, role: user.role },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    sessionSecret: session.secret,
    expiresAtDate: session.expiresAt,
  };
}
