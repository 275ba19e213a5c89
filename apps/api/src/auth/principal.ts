import type { TRole } from '@portcullis/contracts';
import type { TAuditActor } from '../domain/audit/record-audit-entry.ts';

/** The signed-in user behind a request, and the credential they came with. */
export type TPrincipal = {
  userId: number;
  username: string;
  // The token's role for a token, which may be lower than the user's.
  role: TRole;
  userRole: TRole;
} & (
  | { via: 'session'; sessionId: string; csrfToken: string; expiresAt: Date }
  | { via: 'token'; tokenId: number; tokenName: string }
);

/** Access levels a route under /api/v1 declares in `config.access`. */
export const ACCESS_LEVELS = ['public', 'signed-in', 'guest', 'operator', 'administrator'] as const;
export type TAccess = (typeof ACCESS_LEVELS)[number];

export const ROLE_OF_ACCESS: Partial<Record<TAccess, TRole>> = {
  guest: 'GUEST',
  operator: 'OPERATOR',
  administrator: 'ADMINISTRATOR',
};

/** How the audit log names this caller. */
export function toAuditActor(principal: TPrincipal, address: string): TAuditActor {
  const actor =
    principal.via === 'token'
      ? `${principal.username} (token ${principal.tokenName})`
      : principal.username;

  return { actor, address };
}
