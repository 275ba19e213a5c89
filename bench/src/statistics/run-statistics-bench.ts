// The statistics benchmark: a month of records in a fresh database (a million
// violations, per-minute counters of 3 security profiles x 4 virtual servers and
// their hourly rollups), then every statistics and dashboard query timed through
// the real API over HTTP against the targets.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient, createTestDatabase } from '@portcullis/db';
import type { TStartedProcess } from '@portcullis/testkit';
import { MINUTE_MS, type TDataSetSize } from './data-set.ts';
import { pickFilterValues } from './pick-filter-values.ts';
import { printStatisticsTable, type TQueryResult } from './print-statistics-table.ts';
import { seedRollups } from './seed-rollups.ts';
import { seedTraffic } from './seed-traffic.ts';
import { seedViolations } from './seed-violations.ts';
import { startApi } from './start-api.ts';
import { statisticsQueries } from './statistics-queries.ts';
import { timeQuery } from './time-query.ts';

const VIOLATIONS = Number(process.env.BENCH_VIOLATIONS ?? 1_000_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARM_UP = 5;
const CLIENTS = 50_000;
// Set, the seeded database is kept for EXPLAIN sessions and its URL printed.
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runStatisticsBench(): Promise<void> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-bench-statistics-'));
  const database = await createTestDatabase();
  const prisma = createPrismaClient(database.databaseUrl);
  let api: TStartedProcess | undefined;

  try {
    const end = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
    const size: TDataSetSize = { end, days: DAYS, violations: VIOLATIONS, clients: CLIENTS };
    const seedingStarted = Date.now();
    const minuteRows = await seedTraffic(prisma, size);
    const supportIds = await seedViolations(prisma, size);
    await seedRollups(prisma);
    // A live database is vacuumed and analysed by autovacuum; a fresh load is not yet.
    await prisma.$executeRawUnsafe('VACUUM ANALYZE');
    const seedingMs = Date.now() - seedingStarted;

    const values = await pickFilterValues(prisma);
    const started = await startApi(database.databaseUrl, workDir);
    api = started.api;

    const results: TQueryResult[] = [];
    for (const query of statisticsQueries(end, values, supportIds)) {
      const options = { warmUp: WARM_UP, requests: REQUESTS, headers: started.headers };
      const timings = await timeQuery(started.baseUrl, query.paths, options);
      results.push({ name: query.name, targetMs: query.targetMs, timings });
    }

    const count = (value: number) => value.toLocaleString('en');
    printStatisticsTable(results, [
      `Statistics queries through the API over HTTP: ${REQUESTS} requests each, one at a ` +
        `time, after ${WARM_UP} to warm up`,
      `Data: ${count(VIOLATIONS)} violations from ${count(CLIENTS)} clients and ` +
        `${count(minuteRows)} per-minute traffic rows over ${DAYS} days, ` +
        `seeded in ${seconds(seedingMs)}`,
      `Filter values: ${JSON.stringify(values)}`,
    ]);
  } finally {
    await api?.stop();
    await prisma.$disconnect();
    if (KEEP_DATABASE) process.stdout.write(`database kept: ${database.databaseUrl}\n`);
    else await database.drop();
  }
}
