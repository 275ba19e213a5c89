import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

/** Refuses a parent that is the profile itself or inherits from it. */
export async function assertNoInheritanceCycle(
  db: TDb,
  profile: { id: number; name: string },
  parent: { id: number; name: string },
): Promise<void> {
  const seen = new Set<number>();

  for (let id: number | null = parent.id; id !== null && !seen.has(id); ) {
    if (id === profile.id) {
      throw new AppError(
        'VALIDATION_FAILED',
        `service profile "${profile.name}" cannot inherit from "${parent.name}", ` +
          'which is itself or inherits from it; pick another parent',
        { field: 'parent' },
      );
    }
    seen.add(id);
    const row: { parentId: number | null } | null = await db.serviceProfile.findUnique({
      where: { id },
      select: { parentId: true },
    });
    id = row?.parentId ?? null;
  }
}
