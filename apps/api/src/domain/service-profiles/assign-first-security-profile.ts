import type { TDb } from '../../db.ts';
import { firstSecurityProfileId } from './first-security-profile-id.ts';

/**
 * The appliance's rule for switching Protocol Security on: a service profile with
 * no security profile assigned, neither its own nor inherited from a parent, is
 * assigned the first-listed one. An inherited assignment is kept by inheriting it.
 */
export async function assignFirstSecurityProfile(db: TDb, serviceProfileId: number): Promise<void> {
  const seen = new Set<number>();

  for (let id: number | null = serviceProfileId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const row: { parentId: number | null; securityProfileId: number | null } | null =
      await db.serviceProfile.findUnique({
        where: { id },
        select: { parentId: true, securityProfileId: true },
      });
    if (row?.securityProfileId != null) return;

    id = row?.parentId ?? null;
  }

  const securityProfileId = await firstSecurityProfileId(db);
  if (securityProfileId === null) return;

  await db.serviceProfile.update({ where: { id: serviceProfileId }, data: { securityProfileId } });
}
