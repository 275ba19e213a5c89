import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveDashboardWindow } from '../../../src/domain/dashboard/resolve-dashboard-window.ts';
import { AppError } from '../../../src/errors/app-error.ts';

const NOW = new Date('2026-03-04T10:37:12.345Z');

describe('resolveDashboardWindow', () => {
  const cases = [
    { range: 'hour', bucket: undefined, expect: ['1m', '09:38', '10:38', 60] },
    { range: 'day', bucket: undefined, expect: ['15m', '03T10:45', '04T10:45', 900] },
    { range: 'day', bucket: '1h', expect: ['1h', '03T11:00', '04T11:00', 3600] },
    { range: 'week', bucket: undefined, expect: ['1h', '25T11:00', '04T11:00', 3600] },
    { range: 'week', bucket: '6h', expect: ['6h', '25T12:00', '04T12:00', 21_600] },
  ] as const;

  for (const { range, bucket, expect } of cases) {
    it(`should end a ${range} in ${bucket ?? 'default'} buckets with the bucket of now`, () => {
      const window = resolveDashboardWindow({ range, bucket }, NOW);
      const [expectedBucket, from, to, seconds] = expect;

      assert.equal(window.bucket, expectedBucket);
      assert.equal(window.bucketMs / 1000, seconds);
      assert.ok(window.from.toISOString().includes(from), window.from.toISOString());
      assert.ok(window.to.toISOString().includes(to), window.to.toISOString());
      assert.ok(window.from <= NOW && NOW < window.to, 'now is inside the window');
      assert.equal((window.to.getTime() - window.from.getTime()) % window.bucketMs, 0);
    });
  }

  it('should put a time on a bucket boundary into the bucket it starts', () => {
    const window = resolveDashboardWindow({ range: 'hour', to: '2026-03-04T10:00:00Z' }, NOW);

    assert.equal(window.from.toISOString(), '2026-03-04T09:01:00.000Z');
    assert.equal(window.to.toISOString(), '2026-03-04T10:01:00.000Z');
  });

  it('should refuse a bucket the range is not shown in, naming it', () => {
    assert.throws(
      () => resolveDashboardWindow({ range: 'hour', bucket: '1h' }, NOW),
      (error: unknown) =>
        error instanceof AppError && error.field === 'bucket' && /1m/.test(error.message),
    );
    assert.throws(() => resolveDashboardWindow({ range: 'week', bucket: '15m' }, NOW), AppError);
  });
});
