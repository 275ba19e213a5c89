import type { TListQuery, TWorkerState } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { getLatestVersion } from '../../snapshots/get-latest-version.ts';
import { readWorkerHealth } from './read-worker-health.ts';
import { isWorkerAlive } from './worker-liveness.ts';

/** One page of the workers that have reported, with their sync and liveness. */
export async function findWorkers(
  db: TDb,
  query: TListQuery,
  now = new Date(),
): Promise<{ items: TWorkerState[]; total: number }> {
  const where = query.q ? { id: { contains: query.q, mode: 'insensitive' as const } } : {};
  const rows = await db.worker.findMany({
    where,
    orderBy: { id: 'asc' },
    skip: (query.page - 1) * query.perPage,
    take: query.perPage,
  });
  const total = await db.worker.count({ where });
  const currentVersion = await getLatestVersion(db);

  const items = rows.map((row) => ({
    id: row.id,
    hostname: row.hostname,
    startedAt: row.startedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    appliedVersion: row.appliedVersion,
    currentVersion,
    isInSync: row.appliedVersion === currentVersion,
    isAlive: isWorkerAlive(row.lastSeenAt, now),
    ...readWorkerHealth(row.health),
  }));

  return { items, total };
}
