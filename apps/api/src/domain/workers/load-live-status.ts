import type { TMemberStatus } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { readWorkerHealth } from './read-worker-health.ts';
import {
  isPreferred,
  LISTENER_STATUS_ORDER,
  MEMBER_STATUS_ORDER,
  type TListenerStatus,
} from './status-order.ts';
import { WORKER_ALIVE_MS } from './worker-liveness.ts';

type TListenerView = { status: TListenerStatus; reason: string | null };

export type TLiveStatus = {
  member(pool: string, address: string, port: number): TMemberStatus;
  listener(virtualServer: string): TListenerView;
};

function memberKey(pool: string, address: string, port: number): string {
  return `${pool}\n${address}\n${port}`;
}

/**
 * Live status as the alive workers last reported it; what no alive worker
 * reports is `unknown`.
 */
export async function loadLiveStatus(db: TDb, now = new Date()): Promise<TLiveStatus> {
  const workers = await db.worker.findMany({
    where: { lastSeenAt: { gte: new Date(now.getTime() - WORKER_ALIVE_MS) } },
    select: { health: true },
  });
  const members = new Map<string, TMemberStatus>();
  const listeners = new Map<string, TListenerView>();

  for (const { health } of workers) {
    const report = readWorkerHealth(health);
    for (const item of report.members) {
      const key = memberKey(item.pool, item.address, item.port);
      if (isPreferred(MEMBER_STATUS_ORDER, members.get(key), item.status)) {
        members.set(key, item.status);
      }
    }
    for (const item of report.listeners) {
      const current = listeners.get(item.virtualServer)?.status;
      if (isPreferred(LISTENER_STATUS_ORDER, current, item.status)) {
        listeners.set(item.virtualServer, { status: item.status, reason: item.reason });
      }
    }
  }

  return {
    member: (pool, address, port) => members.get(memberKey(pool, address, port)) ?? 'unknown',
    listener: (name) => listeners.get(name) ?? { status: 'unknown', reason: null },
  };
}
