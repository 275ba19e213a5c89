import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

export async function deleteVirtualServer(db: TDb, id: number): Promise<void> {
  const row = await db.virtualServer.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `no virtual server with id ${id}`, { field: 'id' });

  await db.virtualServer.delete({ where: { id } });
}
