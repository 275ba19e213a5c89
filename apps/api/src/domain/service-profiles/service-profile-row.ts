import type { Prisma } from '@portcullis/db';

/** What every service profile read loads: its parent and users by name. */
export const SERVICE_PROFILE_INCLUDE = {
  parent: { select: { name: true } },
  virtualServers: { select: { name: true }, orderBy: { name: 'asc' } },
} satisfies Prisma.ServiceProfileInclude;

export type TServiceProfileRow = Prisma.ServiceProfileGetPayload<{
  include: typeof SERVICE_PROFILE_INCLUDE;
}>;
