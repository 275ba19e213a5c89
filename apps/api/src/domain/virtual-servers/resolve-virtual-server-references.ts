import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

type TReferences = { serviceProfile: string | null; defaultPool: string | null };

/** Turns the names a virtual server refers to into ids; an unknown name is refused. */
export async function resolveVirtualServerReferences(db: TDb, references: TReferences) {
  const { serviceProfile, defaultPool } = references;
  const profile = serviceProfile
    ? await db.serviceProfile.findUnique({ where: { name: serviceProfile } })
    : null;
  if (serviceProfile && !profile) {
    throw new AppError(
      'INVALID_REFERENCE',
      `no service profile named "${serviceProfile}"; create it first or pick another`,
      { field: 'serviceProfile' },
    );
  }

  const pool = defaultPool ? await db.pool.findUnique({ where: { name: defaultPool } }) : null;
  if (defaultPool && !pool) {
    throw new AppError(
      'INVALID_REFERENCE',
      `no pool named "${defaultPool}"; create it first or pick another`,
      { field: 'defaultPool' },
    );
  }

  return { serviceProfileId: profile?.id ?? null, defaultPoolId: pool?.id ?? null };
}
