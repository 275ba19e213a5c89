import type { TVirtualServer } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { loadLiveStatus } from '../workers/load-live-status.ts';
import { toVirtualServerView } from './to-virtual-server-view.ts';
import { VIRTUAL_SERVER_INCLUDE } from './virtual-server-row.ts';

export async function getVirtualServer(db: TDb, id: number): Promise<TVirtualServer> {
  const row = await db.virtualServer.findUnique({ where: { id }, include: VIRTUAL_SERVER_INCLUDE });
  if (!row) throw new AppError('NOT_FOUND', `no virtual server with id ${id}`, { field: 'id' });

  return toVirtualServerView(row, await loadLiveStatus(db));
}
