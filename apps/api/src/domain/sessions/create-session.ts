import { hashSecret, newSecret } from '../../auth/secret-token.ts';
import type { TDb } from '../../db.ts';

export type TNewSession = {
  // Goes into the cookie only; the database keeps its hash as the session's id.
  secret: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
};

export async function createSession(
  db: TDb,
  userId: number,
  address: string,
  ttlMs: number,
): Promise<TNewSession> {
  const secret = newSecret();
  const id = hashSecret(secret);
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + ttlMs);

  await db.session.create({ data: { id, userId, csrfToken, address, expiresAt } });

  return { secret, id, csrfToken, expiresAt };
}
