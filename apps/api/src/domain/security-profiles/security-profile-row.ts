import type { Prisma } from '@portcullis/db';

/** What every security profile read loads: the service profiles assigned it, by name. */
export const SECURITY_PROFILE_INCLUDE = {
  serviceProfiles: { select: { name: true }, orderBy: { name: 'asc' } },
} satisfies Prisma.SecurityProfileInclude;

export type TSecurityProfileRow = Prisma.SecurityProfileGetPayload<{
  include: typeof SECURITY_PROFILE_INCLUDE;
}>;
