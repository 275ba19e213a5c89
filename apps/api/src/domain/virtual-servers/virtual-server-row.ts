import type { Prisma } from '@portcullis/db';

/** What every virtual server read loads: its references by name. */
export const VIRTUAL_SERVER_INCLUDE = {
  defaultPool: { select: { name: true } },
  serviceProfile: { select: { name: true } },
} satisfies Prisma.VirtualServerInclude;

export type TVirtualServerRow = Prisma.VirtualServerGetPayload<{
  include: typeof VIRTUAL_SERVER_INCLUDE;
}>;
