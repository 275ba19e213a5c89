import type { TDb } from '../../db.ts';

/**
 * The security profile assigned when Protocol Security is switched on: the
 * first-listed one, as on the appliance's profile assignment screen.
 */
export async function firstSecurityProfileId(db: TDb): Promise<number | null> {
  const first = await db.securityProfile.findFirst({
    orderBy: { id: 'asc' },
    select: { id: true },
  });

  return first?.id ?? null;
}
