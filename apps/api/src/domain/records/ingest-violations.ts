import type { TViolationBatch } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TIngestResult } from '../../schemas/record-schemas.ts';
import { addViolationHours } from './add-violation-hours.ts';
import { claimBatch } from './claim-batch.ts';
import { countViolationHours } from './count-violation-hours.ts';
import { toClientAddress } from './to-client-address.ts';

// What the hourly rollups need of each stored violation.
const ROLLUP_FIELDS = {
  time: true,
  protocol: true,
  violation: true,
  virtualServer: true,
  securityProfile: true,
  serviceProfile: true,
  clientAddress: true,
} as const;

/**
 * Stores a worker's batch of violations and counts them into the hourly rollups.
 * A batch seen before changes nothing; a violation whose Support ID is stored
 * already (sent again in a new batch after a lost answer) is skipped, and only
 * the violations stored now are counted. Run it in a transaction.
 */
export async function ingestViolations(
  db: TDb,
  batch: TViolationBatch,
  workerId: string,
): Promise<TIngestResult> {
  const data = batch.records.map((record, index) => ({
    ...record,
    time: new Date(record.time),
    clientAddress: toClientAddress(record.clientAddress, `records.${index}.clientAddress`),
    details: record.details ?? undefined,
    workerId,
  }));

  if (!(await claimBatch(db, 'violations', batch.batchId))) {
    return { accepted: 0, duplicate: true };
  }
  const stored = await db.violation.createManyAndReturn({
    data,
    skipDuplicates: true,
    select: ROLLUP_FIELDS,
  });
  if (stored.length > 0) await addViolationHours(db, countViolationHours(stored));

  return { accepted: stored.length, duplicate: false };
}
