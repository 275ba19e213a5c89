import type { TDb } from '../../db.ts';

/**
 * The first-listed security profile: first by name, as the security profile list
 * and the profile assignment screen show them. It is the one assigned when
 * Protocol Security is switched on without an assignment.
 */
export async function firstSecurityProfileId(db: TDb): Promise<number | null> {
  const first = await db.securityProfile.findFirst({
    orderBy: { name: 'asc' },
    select: { id: true },
  });

  return first?.id ?? null;
}
