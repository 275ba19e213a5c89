import type { TListQuery, TVirtualServer } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { pageArgs } from '../shared/page-args.ts';
import { loadLiveStatus } from '../workers/load-live-status.ts';
import { toVirtualServerView } from './to-virtual-server-view.ts';
import { VIRTUAL_SERVER_INCLUDE } from './virtual-server-row.ts';

export async function findVirtualServers(
  db: TDb,
  query: TListQuery,
): Promise<{ items: TVirtualServer[]; total: number }> {
  const args = pageArgs(query);
  const rows = await db.virtualServer.findMany({ ...args, include: VIRTUAL_SERVER_INCLUDE });
  const total = await db.virtualServer.count({ where: args.where });
  const live = await loadLiveStatus(db);

  return { items: rows.map((row) => toVirtualServerView(row, live)), total };
}
