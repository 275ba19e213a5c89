import type { TDb } from '../../db.ts';
import { sortByKey } from './sort-by-key.ts';
import type { TTrafficRow } from './sum-traffic-records.ts';

/**
 * Adds rows to the per-minute counters in one statement: arrays unnested into
 * rows, each added to the row of its minute, or inserted when there is none yet.
 */
export async function addTrafficMinutes(db: TDb, rows: TTrafficRow[]): Promise<void> {
  const sorted = sortByKey(rows, (row) =>
    `${row.minute.toISOString()}\n${row.securityProfile}\n${row.virtualServer}`);
  const column = <K extends keyof TTrafficRow>(key: K) => sorted.map((row) => row[key]);

  await db.$executeRaw`
    INSERT INTO "TrafficMinute" AS t ("minute", "securityProfile", "virtualServer",
      "connections", "messages", "bytes", "recipients", "alarmed", "blocked")
    SELECT * FROM unnest(
      ${sorted.map((row) => row.minute.toISOString())}::timestamp(3)[],
      ${column('securityProfile')}::text[], ${column('virtualServer')}::text[],
      ${column('connections')}::int[], ${column('messages')}::int[],
      ${sorted.map((row) => String(row.bytes))}::bigint[],
      ${column('recipients')}::int[], ${column('alarmed')}::int[], ${column('blocked')}::int[])
    ON CONFLICT ("minute", "securityProfile", "virtualServer") DO UPDATE SET
      "connections" = t."connections" + EXCLUDED."connections",
      "messages" = t."messages" + EXCLUDED."messages",
      "bytes" = t."bytes" + EXCLUDED."bytes",
      "recipients" = t."recipients" + EXCLUDED."recipients",
      "alarmed" = t."alarmed" + EXCLUDED."alarmed",
      "blocked" = t."blocked" + EXCLUDED."blocked"`;
}
