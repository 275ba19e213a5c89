import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../helper.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const context = build({
  retentionJob: {
    retention: { trafficMinuteDays: 1, rollupDays: 2, violationDays: 1, batchIdDays: 1 },
    intervalMs: 50,
    firstRunAfterMs: 0,
  },
});

async function addMinute(daysAgo: number, virtualServer: string) {
  await context.prisma.trafficMinute.create({
    data: {
      minute: new Date(Date.now() - daysAgo * DAY_MS),
      securityProfile: 'p',
      virtualServer,
    },
  });
}

async function waitUntil(isDone: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await isDone())) {
    if (Date.now() > deadline) assert.fail('the retention job did not prune in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('retention job', () => {
  it('should prune old records in the background, again and again', async () => {
    const remaining = async () =>
      (await context.prisma.trafficMinute.findMany({ orderBy: { virtualServer: 'asc' } }))
        .map((row) => row.virtualServer);

    await addMinute(2, 'vs_old');
    await addMinute(0.5, 'vs_recent');
    await waitUntil(async () => !(await remaining()).includes('vs_old'));
    await addMinute(3, 'vs_old_later');
    await waitUntil(async () => !(await remaining()).includes('vs_old_later'));

    assert.deepEqual(await remaining(), ['vs_recent']);
  });
});
