import type { TWorkerReport } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Stores a worker's report: the version it has applied (its acknowledgement of a
 * snapshot) and the live status of its listeners and pool members.
 */
export async function recordWorkerReport(
  db: TDb,
  report: TWorkerReport,
  now = new Date(),
): Promise<void> {
  const startedAt = new Date(report.startedAt);
  if (Number.isNaN(startedAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'startedAt must be an ISO 8601 time', {
      field: 'startedAt',
    });
  }

  const fields = {
    hostname: report.hostname,
    startedAt,
    lastSeenAt: now,
    appliedVersion: report.appliedVersion,
    health: {
      listeners: report.listeners,
      members: report.members,
      remoteLogging: report.remoteLogging,
    },
  };

  await db.worker.upsert({
    where: { id: report.workerId },
    create: { id: report.workerId, ...fields },
    update: fields,
  });
}
