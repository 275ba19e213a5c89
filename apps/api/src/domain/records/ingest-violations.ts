import type { TViolationBatch } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TIngestResult } from '../../schemas/record-schemas.ts';
import { claimBatch } from './claim-batch.ts';
import { toClientAddress } from './to-client-address.ts';

/**
 * Stores a worker's batch of violations. A batch seen before changes nothing; a
 * violation whose Support ID is stored already (sent again in a new batch after a
 * lost answer) is skipped. Run it in a transaction.
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
  const { count } = await db.violation.createMany({ data, skipDuplicates: true });

  return { accepted: count, duplicate: false };
}
