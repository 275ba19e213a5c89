import type { TApiToken } from '../../api/tokens.ts';
import type { TStatusTone } from '../../components/status-dot.tsx';

export type TTokenStatus = { label: 'Active' | 'Expired' | 'Revoked'; tone: TStatusTone };

/** Whether a token still opens the API: revoked beats expired beats active. */
export function tokenStatus(token: TApiToken, now = Date.now()): TTokenStatus {
  if (token.revokedAt) return { label: 'Revoked', tone: 'grey' };
  if (Date.parse(token.expiresAt) <= now) return { label: 'Expired', tone: 'red' };

  return { label: 'Active', tone: 'green' };
}
