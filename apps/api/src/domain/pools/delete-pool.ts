import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { describeUsers } from '../shared/describe-users.ts';

/** Deletes a pool no virtual server uses; its members go with it. */
export async function deletePool(db: TDb, id: number): Promise<void> {
  const pool = await db.pool.findUnique({
    where: { id },
    include: { virtualServers: { select: { name: true }, orderBy: { name: 'asc' } } },
  });
  if (!pool) throw new AppError('NOT_FOUND', `no pool with id ${id}`, { field: 'id' });

  const users = pool.virtualServers.map((server) => server.name);
  if (users.length > 0) {
    throw new AppError(
      'IN_USE',
      `pool "${pool.name}" is used by ${describeUsers('virtual server', users)}; ` +
        'give it another default pool or delete it first',
    );
  }

  await db.pool.delete({ where: { id } });
}
