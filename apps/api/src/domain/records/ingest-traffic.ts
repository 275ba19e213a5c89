import type { TTrafficBatch } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TIngestResult } from '../../schemas/record-schemas.ts';
import { addTrafficHours } from './add-traffic-hours.ts';
import { addTrafficMinutes } from './add-traffic-minutes.ts';
import { claimBatch } from './claim-batch.ts';
import { sumTrafficHours } from './sum-traffic-hours.ts';
import { sumTrafficRecords } from './sum-traffic-records.ts';

/**
 * Adds a worker's batch of traffic counters to the per-minute rows and to their
 * hourly rollup. A batch seen before changes nothing, so a retry never counts
 * twice. Run it in a transaction: minutes and hours then move together.
 */
export async function ingestTraffic(db: TDb, batch: TTrafficBatch): Promise<TIngestResult> {
  const rows = sumTrafficRecords(batch.records);

  if (!(await claimBatch(db, 'traffic', batch.batchId))) return { accepted: 0, duplicate: true };
  if (rows.length > 0) {
    await addTrafficMinutes(db, rows);
    await addTrafficHours(db, sumTrafficHours(rows));
  }

  return { accepted: batch.records.length, duplicate: false };
}
