import type { TDb } from '../../db.ts';
import type { TViolationClientHourRow, TViolationHourRow } from './count-violation-hours.ts';

/**
 * Adds a batch's hourly violation counts to the two rollups. Called in the
 * transaction that stores the violations, so the counts never drift from them.
 * Rows come in key order, so concurrent batches lock them in the same order.
 */
export async function addViolationHours(
  db: TDb,
  counts: { hours: TViolationHourRow[]; clients: TViolationClientHourRow[] },
): Promise<void> {
  const { hours, clients } = counts;
  const hourColumn = <K extends keyof TViolationHourRow>(key: K) => hours.map((row) => row[key]);

  await db.$executeRaw`
    INSERT INTO "ViolationHour" AS t ("hour", "protocol", "violation", "virtualServer",
      "securityProfile", "serviceProfile", "count")
    SELECT * FROM unnest(
      ${hours.map((row) => row.hour.toISOString())}::timestamp(3)[],
      ${hourColumn('protocol')}::text[], ${hourColumn('violation')}::text[],
      ${hourColumn('virtualServer')}::text[], ${hourColumn('securityProfile')}::text[],
      ${hourColumn('serviceProfile')}::text[], ${hourColumn('count')}::int[])
    ON CONFLICT ("hour", "protocol", "violation", "virtualServer", "securityProfile",
      "serviceProfile") DO UPDATE SET "count" = t."count" + EXCLUDED."count"`;
  await db.$executeRaw`
    INSERT INTO "ViolationClientHour" AS t ("hour", "clientAddress", "count")
    SELECT * FROM unnest(
      ${clients.map((row) => row.hour.toISOString())}::timestamp(3)[],
      ${clients.map((row) => row.clientAddress)}::inet[],
      ${clients.map((row) => row.count)}::int[])
    ON CONFLICT ("hour", "clientAddress") DO UPDATE SET "count" = t."count" + EXCLUDED."count"`;
}
