import type { TDb } from '../../db.ts';
import { sortByKey } from './sort-by-key.ts';
import type { TTrafficHourRow } from './sum-traffic-hours.ts';

/**
 * Adds a batch's hourly sums to the hourly rollup. Called in the transaction that
 * adds the same rows to the minutes, so an hour always holds the sum of its minutes.
 */
export async function addTrafficHours(db: TDb, rows: TTrafficHourRow[]): Promise<void> {
  const sorted = sortByKey(rows, (row) =>
    `${row.hour.toISOString()}\n${row.securityProfile}\n${row.virtualServer}`);
  const numbers = <K extends keyof TTrafficHourRow>(key: K) =>
    sorted.map((row) => String(row[key]));

  await db.$executeRaw`
    INSERT INTO "TrafficHour" AS t ("hour", "securityProfile", "virtualServer",
      "connections", "messages", "bytes", "recipients", "alarmed", "blocked")
    SELECT * FROM unnest(
      ${sorted.map((row) => row.hour.toISOString())}::timestamp(3)[],
      ${sorted.map((row) => row.securityProfile)}::text[],
      ${sorted.map((row) => row.virtualServer)}::text[],
      ${numbers('connections')}::bigint[], ${numbers('messages')}::bigint[],
      ${numbers('bytes')}::bigint[], ${numbers('recipients')}::bigint[],
      ${numbers('alarmed')}::bigint[], ${numbers('blocked')}::bigint[])
    ON CONFLICT ("hour", "securityProfile", "virtualServer") DO UPDATE SET
      "connections" = t."connections" + EXCLUDED."connections",
      "messages" = t."messages" + EXCLUDED."messages",
      "bytes" = t."bytes" + EXCLUDED."bytes",
      "recipients" = t."recipients" + EXCLUDED."recipients",
      "alarmed" = t."alarmed" + EXCLUDED."alarmed",
      "blocked" = t."blocked" + EXCLUDED."blocked"`;
}
