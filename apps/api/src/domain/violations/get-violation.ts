import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TViolationView } from '../../schemas/violation-schemas.ts';
import { toViolationView } from './to-violation-view.ts';

/** The violation a Support ID names, as given to the sender in the reply. */
export async function getViolation(db: TDb, supportId: string): Promise<TViolationView> {
  const normalised = supportId.toUpperCase();
  const row = await db.violation.findUnique({ where: { supportId: normalised } });
  if (row) return toViolationView(row);

  throw new AppError('NOT_FOUND', `no violation has Support ID ${normalised}; check the ID`, {
    field: 'supportId',
  });
}
