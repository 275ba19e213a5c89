import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

/** The profile named as a parent; an unknown name is the caller's to fix. */
export async function findParentProfile(db: TDb, name: string) {
  const parent = await db.serviceProfile.findUnique({ where: { name } });
  if (parent) return parent;

  throw new AppError(
    'INVALID_REFERENCE',
    `no service profile named "${name}" to inherit from; create it first or pick another`,
    { field: 'parent' },
  );
}
