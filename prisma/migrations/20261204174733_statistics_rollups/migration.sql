-- Statistics at scale: hourly rollups of traffic and violations, kept at
-- ingestion, and violation indexes that end in the list order (time, id).

-- DropIndex
DROP INDEX "Violation_clientAddress_time_idx";

-- DropIndex
DROP INDEX "Violation_securityProfile_time_idx";

-- DropIndex
DROP INDEX "Violation_time_idx";

-- DropIndex
DROP INDEX "Violation_violation_time_idx";

-- AlterTable: converted in place, as the generated DROP and ADD would lose every
-- address. Stored addresses were checked at ingestion, so each one casts.
-- (No semicolons in comments: the engine splits the script on them.)
ALTER TABLE "Violation" ALTER COLUMN "clientAddress" SET DATA TYPE INET
USING "clientAddress"::inet;

-- CreateTable
CREATE TABLE "ViolationHour" (
    "hour" TIMESTAMP(3) NOT NULL,
    "protocol" TEXT NOT NULL,
    "violation" TEXT NOT NULL,
    "virtualServer" TEXT NOT NULL,
    "securityProfile" TEXT NOT NULL,
    "serviceProfile" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ViolationHour_pkey" PRIMARY KEY ("hour","protocol","violation","virtualServer","securityProfile","serviceProfile")
);

-- CreateTable
CREATE TABLE "ViolationClientHour" (
    "hour" TIMESTAMP(3) NOT NULL,
    "clientAddress" INET NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ViolationClientHour_pkey" PRIMARY KEY ("hour","clientAddress")
);

-- CreateTable
CREATE TABLE "TrafficHour" (
    "hour" TIMESTAMP(3) NOT NULL,
    "securityProfile" TEXT NOT NULL,
    "virtualServer" TEXT NOT NULL,
    "connections" BIGINT NOT NULL DEFAULT 0,
    "messages" BIGINT NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "recipients" BIGINT NOT NULL DEFAULT 0,
    "alarmed" BIGINT NOT NULL DEFAULT 0,
    "blocked" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "TrafficHour_pkey" PRIMARY KEY ("hour","securityProfile","virtualServer")
);

-- CreateIndex
CREATE INDEX "Violation_time_id_idx" ON "Violation"("time", "id");

-- CreateIndex
CREATE INDEX "Violation_violation_time_id_idx" ON "Violation"("violation", "time", "id");

-- CreateIndex
CREATE INDEX "Violation_securityProfile_time_id_idx" ON "Violation"("securityProfile", "time", "id");

-- CreateIndex
CREATE INDEX "Violation_clientAddress_time_id_idx" ON "Violation"("clientAddress", "time", "id");

-- CreateIndex
CREATE INDEX "Violation_virtualServer_time_id_idx" ON "Violation"("virtualServer", "time", "id");

-- CreateIndex
CREATE INDEX "Violation_serviceProfile_time_id_idx" ON "Violation"("serviceProfile", "time", "id");

-- CreateIndex
CREATE INDEX "Violation_protocol_time_id_idx" ON "Violation"("protocol", "time", "id");

-- Backfill: the rollups of the records stored before this migration. From now on
-- ingestion keeps them up to date in the transaction that stores the records.
INSERT INTO "TrafficHour" ("hour", "securityProfile", "virtualServer",
  "connections", "messages", "bytes", "recipients", "alarmed", "blocked")
SELECT date_trunc('hour', "minute"), "securityProfile", "virtualServer",
  sum("connections"), sum("messages"), sum("bytes"), sum("recipients"),
  sum("alarmed"), sum("blocked")
FROM "TrafficMinute"
GROUP BY 1, 2, 3;

INSERT INTO "ViolationHour" ("hour", "protocol", "violation", "virtualServer",
  "securityProfile", "serviceProfile", "count")
SELECT date_trunc('hour', "time"), "protocol", "violation", "virtualServer",
  "securityProfile", "serviceProfile", count(*)
FROM "Violation"
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "ViolationClientHour" ("hour", "clientAddress", "count")
SELECT date_trunc('hour', "time"), "clientAddress", count(*)
FROM "Violation"
GROUP BY 1, 2;
