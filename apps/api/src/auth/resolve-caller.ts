// Turns the credential a request carries into the user behind it, or undefined
// when the credential is unknown, expired, revoked or its user disabled.
import { API_TOKEN_PREFIX } from '@portcullis/contracts';
import type { TPrisma } from '../db.ts';
import type { TPrincipal } from './principal.ts';
import { hashSecret } from './secret-token.ts';

export type TSessionPolicy = {
  // Absolute lifetime from sign-in.
  ttlMs: number;
  // A session unused for this long ends; 0 turns the idle timeout off.
  idleMs: number;
};

// Last-use times are for people reading lists, so a minute's precision is plenty
// and most requests write nothing.
const TOUCH_AFTER_MS = 60_000;

export async function resolveApiToken(prisma: TPrisma, token: string): Promise<TPrincipal | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;

  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { user: true },
  });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.disabled) return undefined;

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }

  return {
    userId: row.userId,
    username: row.user.username,
    role: row.role,
    userRole: row.user.role,
    via: 'token',
    tokenId: row.id,
    tokenName: row.name,
  };
}

export async function resolveSession(
  prisma: TPrisma,
  sessionSecret: string,
  policy: TSessionPolicy,
): Promise<TPrincipal | undefined> {
  const id = hashSecret(sessionSecret);
  const row = await prisma.session.findUnique({ where: { id }, include: { user: true } });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.disabled) return undefined;

  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (policy.idleMs > 0 && idleFor > policy.idleMs) return undefined;
  if (idleFor > TOUCH_AFTER_MS) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
  }

  return {
    userId: row.userId,
    username: row.user.username,
    role: row.user.role,
    userRole: row.user.role,
    via: 'session',
    sessionId: id,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
  };
}
