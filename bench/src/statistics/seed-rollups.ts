import type { PrismaClient } from '@portcullis/db';

/**
 * The hourly rollups of the seeded rows, built as the migration backfills them.
 * The API keeps them at ingestion; its tests check that the two agree.
 */
export async function seedRollups(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "TrafficHour" ("hour", "securityProfile", "virtualServer",
      "connections", "messages", "bytes", "recipients", "alarmed", "blocked")
    SELECT date_trunc('hour', "minute"), "securityProfile", "virtualServer",
      sum("connections"), sum("messages"), sum("bytes"), sum("recipients"),
      sum("alarmed"), sum("blocked")
    FROM "TrafficMinute" GROUP BY 1, 2, 3`;
  await prisma.$executeRaw`
    INSERT INTO "ViolationHour" ("hour", "protocol", "violation", "virtualServer",
      "securityProfile", "serviceProfile", "count")
    SELECT date_trunc('hour', "time"), "protocol", "violation", "virtualServer",
      "securityProfile", "serviceProfile", count(*)
    FROM "Violation" GROUP BY 1, 2, 3, 4, 5, 6`;
  await prisma.$executeRaw`
    INSERT INTO "ViolationClientHour" ("hour", "clientAddress", "count")
    SELECT date_trunc('hour', "time"), "clientAddress", count(*)
    FROM "Violation" GROUP BY 1, 2`;
}
