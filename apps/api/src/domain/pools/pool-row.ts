import type { Prisma } from '@portcullis/db';

/** What every pool read loads: members in creation order, users by name. */
export const POOL_INCLUDE = {
  members: { orderBy: { id: 'asc' } },
  virtualServers: { select: { name: true }, orderBy: { name: 'asc' } },
} satisfies Prisma.PoolInclude;

export type TPoolRow = Prisma.PoolGetPayload<{ include: typeof POOL_INCLUDE }>;
