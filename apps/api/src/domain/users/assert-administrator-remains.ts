import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TUserRow } from './to-user-view.ts';

/**
 * Refuses a change that takes `user` out of the enabled administrators when no
 * other enabled administrator is left: nobody could then manage users again.
 * Call it under lockUsers.
 */
export async function assertAdministratorRemains(db: TDb, user: TUserRow): Promise<void> {
  if (user.role !== 'ADMINISTRATOR' || user.disabled) return;

  const others = await db.user.count({
    where: { role: 'ADMINISTRATOR', disabled: false, id: { not: user.id } },
  });
  if (others > 0) return;

  throw new AppError(
    'LAST_ADMINISTRATOR',
    `"${user.username}" is the last enabled administrator; make another one first`,
  );
}
