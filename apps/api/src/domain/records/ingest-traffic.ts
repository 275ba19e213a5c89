import type { TTrafficBatch } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TIngestResult } from '../../schemas/record-schemas.ts';
import { claimBatch } from './claim-batch.ts';
import { sumTrafficRecords, type TTrafficRow } from './sum-traffic-records.ts';

// One statement for the whole batch: arrays unnested into rows, each added to the
// row of its minute, or inserted when the minute has none yet.
async function addTraffic(db: TDb, rows: TTrafficRow[]): Promise<void> {
  const column = <K extends keyof TTrafficRow>(key: K) => rows.map((row) => row[key]);

  await db.$executeRaw`
    INSERT INTO "TrafficMinute" AS t ("minute", "securityProfile", "virtualServer",
      "connections", "messages", "bytes", "recipients", "alarmed", "blocked")
    SELECT * FROM unnest(
      ${rows.map((row) => row.minute.toISOString())}::timestamp(3)[],
      ${column('securityProfile')}::text[], ${column('virtualServer')}::text[],
      ${column('connections')}::int[], ${column('messages')}::int[],
      ${rows.map((row) => String(row.bytes))}::bigint[],
      ${column('recipients')}::int[], ${column('alarmed')}::int[], ${column('blocked')}::int[])
    ON CONFLICT ("minute", "securityProfile", "virtualServer") DO UPDATE SET
      "connections" = t."connections" + EXCLUDED."connections",
      "messages" = t."messages" + EXCLUDED."messages",
      "bytes" = t."bytes" + EXCLUDED."bytes",
      "recipients" = t."recipients" + EXCLUDED."recipients",
      "alarmed" = t."alarmed" + EXCLUDED."alarmed",
      "blocked" = t."blocked" + EXCLUDED."blocked"`;
}

/**
 * Adds a worker's batch of traffic counters to the per-minute rows. A batch seen
 * before changes nothing, so a retry never counts twice. Run it in a transaction.
 */
export async function ingestTraffic(db: TDb, batch: TTrafficBatch): Promise<TIngestResult> {
  const rows = sumTrafficRecords(batch.records);

  if (!(await claimBatch(db, 'traffic', batch.batchId))) return { accepted: 0, duplicate: true };
  if (rows.length > 0) await addTraffic(db, rows);

  return { accepted: batch.records.length, duplicate: false };
}
