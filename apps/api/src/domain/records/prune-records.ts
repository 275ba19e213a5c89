import type { TDb } from '../../db.ts';
import { deleteOlderThan, type TDatedTable } from './delete-older-than.ts';

/** How long records are kept, in days (see env.ts for each setting's meaning). */
export type TRetention = {
  trafficMinuteDays: number;
  rollupDays: number;
  violationDays: number;
  batchIdDays: number;
};

export type TPruneResult = Record<TDatedTable, number>;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
// A worker's id names one process by default (host and pid): one silent for a day has
// stopped for good, and a restarted worker reports under a new id.
const STOPPED_WORKER_DAYS = 1;

/**
 * Deletes the records older than the retention policy allows, and the workers silent for
 * a day, and returns how many rows went from each table. Hourly rows go only once their
 * whole hour is past the limit. Safe to run from several API processes at once: a row
 * two of them delete is deleted once.
 */
export async function pruneRecords(
  db: TDb,
  retention: TRetention,
  now = new Date(),
): Promise<TPruneResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const hourBefore = (days: number) =>
    new Date(Math.floor(before(days).getTime() / HOUR_MS) * HOUR_MS);

  return {
    Violation: await deleteOlderThan(db, 'Violation', before(retention.violationDays)),
    ViolationClientHour: await deleteOlderThan(
      db,
      'ViolationClientHour',
      hourBefore(retention.violationDays),
    ),
    ViolationHour: await deleteOlderThan(db, 'ViolationHour', hourBefore(retention.rollupDays)),
    TrafficMinute: await deleteOlderThan(db, 'TrafficMinute', before(retention.trafficMinuteDays)),
    TrafficHour: await deleteOlderThan(db, 'TrafficHour', hourBefore(retention.rollupDays)),
    IngestedBatch: await deleteOlderThan(db, 'IngestedBatch', before(retention.batchIdDays)),
    Worker: await deleteOlderThan(db, 'Worker', before(STOPPED_WORKER_DAYS)),
  };
}
