import type { TApiToken } from '@portcullis/contracts';
import type { Prisma } from '@portcullis/db';

export type TApiTokenRow = Prisma.ApiTokenGetPayload<object>;

/** A token as lists show it: never the token or its hash. */
export function toApiTokenView(row: TApiTokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
