import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

export async function getInternalParameter(db: TDb, name: string) {
  const row = await db.internalParameter.findUnique({ where: { name } });
  if (row) return row;

  throw new AppError(
    'NOT_FOUND',
    `no internal parameter named "${name}"; the list shows the ones there are`,
    { field: 'name' },
  );
}
