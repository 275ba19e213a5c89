import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pruneRecords, type TRetention } from '../../../src/domain/records/prune-records.ts';
import { build, type TTestContext } from '../../helper.ts';
import { violationRecord } from '../../records.ts';

const context = build();

const NOW = new Date('2026-06-15T12:30:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION: TRetention = {
  trafficMinuteDays: 7,
  rollupDays: 400,
  violationDays: 90,
  batchIdDays: 30,
};

const ago = (days: number, plusMs = 0) => new Date(NOW.getTime() - days * DAY_MS + plusMs);

async function addViolation(ready: TTestContext, time: Date, supportId?: string) {
  const { details: _details, ...record } = violationRecord({ time: time.toISOString() });
  await ready.prisma.violation.create({
    data: { ...record, supportId: supportId ?? record.supportId, time, workerId: 'w' },
  });
}

async function addTrafficMinutes(ready: TTestContext, from: Date, count: number) {
  // One row a minute going back from `from`, as many as asked.
  await ready.prisma.$executeRaw`
    INSERT INTO "TrafficMinute" ("minute", "securityProfile", "virtualServer", "messages")
    SELECT ${from}::timestamp(3) - n * interval '1 minute', 'p', 'vs', 1
    FROM generate_series(0, ${count - 1}) AS n`;
}

describe('pruneRecords', () => {
  it('should delete each kind of record past its retention and keep the rest', async () => {
    await addViolation(context, ago(90, -1000), 'OLD00-00001');
    await addViolation(context, ago(90, 1000), 'KEEP0-00001');
    // Hourly rows go only once their whole hour is past the limit.
    const limitHour = new Date(Math.floor(ago(90).getTime() / 3_600_000) * 3_600_000);
    await context.prisma.violationClientHour.createMany({
      data: [
        { hour: new Date(limitHour.getTime() - 3_600_000), clientAddress: '192.0.2.1', count: 1 },
        { hour: limitHour, clientAddress: '192.0.2.1', count: 1 },
      ],
    });
    const rollup = { protocol: 'SMTP', violation: 'spf_fail', virtualServer: 'vs',
      securityProfile: 'p', serviceProfile: 's', count: 1 };
    await context.prisma.violationHour.createMany({
      data: [{ ...rollup, hour: ago(401) }, { ...rollup, hour: ago(399) }],
    });
    await context.prisma.trafficHour.createMany({
      data: [
        { hour: ago(401), securityProfile: 'p', virtualServer: 'vs' },
        { hour: ago(399), securityProfile: 'p', virtualServer: 'vs' },
      ],
    });
    // More old minutes than one statement deletes, and a day of recent ones.
    await addTrafficMinutes(context, ago(7, -60_000), 25_000);
    await addTrafficMinutes(context, ago(6), 1440);
    await context.prisma.ingestedBatch.createMany({
      data: [
        { id: 'traffic:old', kind: 'traffic', receivedAt: ago(31) },
        { id: 'traffic:new', kind: 'traffic', receivedAt: ago(29) },
      ],
    });

    const worker = { hostname: 'gw', startedAt: ago(3), appliedVersion: 1, health: {} };
    await context.prisma.worker.createMany({
      data: [
        { ...worker, id: 'stopped', lastSeenAt: ago(1, -1000) },
        { ...worker, id: 'silent-a-while', lastSeenAt: ago(0, -3_600_000) },
      ],
    });

    const pruned = await pruneRecords(context.prisma, RETENTION, NOW);

    assert.deepEqual(pruned, {
      Violation: 1,
      ViolationClientHour: 1,
      ViolationHour: 1,
      TrafficMinute: 25_000,
      TrafficHour: 1,
      IngestedBatch: 1,
      Worker: 1,
    });
    const workers = await context.prisma.worker.findMany({ select: { id: true } });
    assert.deepEqual(workers, [{ id: 'silent-a-while' }]);
    const kept = await context.prisma.violation.findMany({ select: { supportId: true } });
    assert.deepEqual(kept, [{ supportId: 'KEEP0-00001' }]);
    assert.equal(await context.prisma.trafficMinute.count(), 1440);
    assert.deepEqual(
      (await context.prisma.violationClientHour.findMany()).map((row) => row.hour),
      [limitHour],
    );
    assert.equal(await context.prisma.ingestedBatch.count({ where: { id: 'traffic:new' } }), 1);
  });

  it('should find nothing more to delete when run again', async () => {
    const pruned = await pruneRecords(context.prisma, RETENTION, NOW);

    assert.equal(Object.values(pruned).reduce((sum, count) => sum + count, 0), 0);
  });
});
