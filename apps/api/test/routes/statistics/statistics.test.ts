import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';
import { ingest, trafficRecord, violationRecord } from '../../records.ts';

const RANGE = 'from=2026-03-01T10:00:00Z&to=2026-03-01T11:00:00Z';

const context = build({
  setup: async (ready) => {
    await ingest(ready, 'violations', [
      violationRecord({ time: '2026-03-01T10:01:00.000Z', violation: 'spf_fail' }),
      violationRecord({ time: '2026-03-01T10:02:00.000Z', violation: 'spf_fail' }),
      violationRecord({ time: '2026-03-01T10:03:00.000Z', violation: 'spf_fail' }),
      violationRecord({ time: '2026-03-01T10:04:00.000Z', violation: 'virus_detected' }),
      // Outside the range on either side.
      violationRecord({ time: '2026-03-01T09:59:59.999Z', violation: 'virus_detected' }),
      violationRecord({ time: '2026-03-01T11:00:00.000Z', violation: 'rfc_syntax' }),
    ]);
    await ingest(ready, 'traffic', [
      trafficRecord({ minute: '2026-03-01T10:00:00.000Z', messages: 2, bytes: 100 }),
      trafficRecord({ minute: '2026-03-01T10:01:00.000Z', messages: 3, bytes: 200, blocked: 1 }),
      trafficRecord({
        minute: '2026-03-01T10:01:00.000Z',
        securityProfile: 'strict',
        messages: 7,
        alarmed: 2,
      }),
      trafficRecord({ minute: '2026-03-01T10:02:00.000Z', virtualServer: 'vs_other' }),
      // Outside the range.
      trafficRecord({ minute: '2026-03-01T11:00:00.000Z', messages: 1000 }),
    ]);
    // A second batch adds to the same minute.
    await ingest(ready, 'traffic', [
      trafficRecord({ minute: '2026-03-01T10:00:00.000Z', messages: 1, bytes: 50 }),
    ]);
  },
});

async function get(url: string) {
  const response = await context.app.inject({ url });
  assert.equal(response.statusCode, 200, response.body);

  return response.json();
}

describe('GET /api/v1/statistics/violations', () => {
  it('should count the range by protocol and by violation, with labels', async () => {
    const stats = await get(`/api/v1/statistics/violations?${RANGE}`);

    assert.equal(stats.from, '2026-03-01T10:00:00.000Z');
    assert.equal(stats.to, '2026-03-01T11:00:00.000Z');
    assert.equal(stats.total, 4);
    assert.deepEqual(stats.byProtocol, [{ protocol: 'SMTP', count: 4 }]);
    assert.deepEqual(stats.byViolation, [
      { violation: 'spf_fail', label: 'SPF fail', count: 3 },
      { violation: 'virus_detected', label: 'Virus detected', count: 1 },
    ]);
  });

  it('should count each protocol and violation pair', async () => {
    const stats = await get(`/api/v1/statistics/violations?${RANGE}`);

    assert.deepEqual(stats.byProtocolAndViolation, [
      { protocol: 'SMTP', violation: 'spf_fail', label: 'SPF fail', count: 3 },
      { protocol: 'SMTP', violation: 'virus_detected', label: 'Virus detected', count: 1 },
    ]);
  });

  // Whole hours come from the hourly rollup, the rest from the violations.
  const ranges = [
    ['partial hours at both ends', '2026-03-01T09:59:59.000Z', '2026-03-01T11:00:00.001Z', 6],
    ['whole hours only', '2026-03-01T09:00:00.000Z', '2026-03-01T12:00:00.000Z', 6],
    ['part of one hour', '2026-03-01T10:02:00.000Z', '2026-03-01T10:03:30.000Z', 2],
    ['a whole hour and a piece', '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z', 4],
    ['a day around them', '2026-02-28T20:13:00.000Z', '2026-03-01T20:13:00.000Z', 6],
  ] as const;
  for (const [name, from, to, total] of ranges) {
    it(`should count exactly over ${name}`, async () => {
      const stats = await get(`/api/v1/statistics/violations?from=${from}&to=${to}`);
      const pairs = stats.byProtocolAndViolation.reduce(
        (sum: number, pair: { count: number }) => sum + pair.count,
        0,
      );

      assert.equal(stats.total, total);
      assert.equal(pairs, total);
    });
  }

  it('should default to the last 24 hours', async () => {
    const stats = await get('/api/v1/statistics/violations');

    const spanMs = Date.parse(stats.to) - Date.parse(stats.from);
    assert.equal(spanMs, 24 * 60 * 60 * 1000);
    assert.equal(stats.total, 0, 'the records are from another day');
  });

  it('should refuse a range that ends before it starts', async () => {
    const response = await context.app.inject({
      url: '/api/v1/statistics/violations?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z',
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'from');
  });
});

describe('GET /api/v1/statistics/traffic', () => {
  it('should total the range per security profile and virtual server', async () => {
    const stats = await get(`/api/v1/statistics/traffic?${RANGE}`);
    const counters = (group: Record<string, unknown>) => [
      group.securityProfile,
      group.virtualServer,
      group.messages,
      group.bytes,
      group.alarmed,
      group.blocked,
    ];

    assert.deepEqual(stats.groups.map(counters), [
      ['smtp_security', 'vs_mail', 6, 350, 0, 1],
      ['smtp_security', 'vs_other', 1, 1000, 0, 0],
      ['strict', 'vs_mail', 7, 1000, 2, 0],
    ]);
    assert.deepEqual(stats.totals, {
      connections: 5,
      messages: 14,
      bytes: 2350,
      recipients: 5,
      alarmed: 2,
      blocked: 1,
    });
    assert.equal(stats.groups[0].series, undefined);
  });

  it('should add hourly rows and the minute rows at either end exactly', async () => {
    // The hour from ten from the rollup, and the minute rows of the half minutes
    // around it: none before, the 11:00 row after.
    const around = 'from=2026-03-01T09:59:30Z&to=2026-03-01T11:00:30Z';
    const hours = await get(`/api/v1/statistics/traffic?${around}`);
    // No whole hour inside, so minute rows alone: 10:00's is left out, 11:00's is in.
    const minutes = 'from=2026-03-01T10:00:30Z&to=2026-03-01T11:30:00Z';
    const edges = await get(`/api/v1/statistics/traffic?${minutes}`);

    assert.equal(hours.totals.messages, 14 + 1000);
    assert.equal(hours.totals.bytes, 2350 + 1000);
    assert.equal(edges.totals.messages, 3 + 7 + 1 + 1000);
  });

  it('should narrow a range of many hours to one security profile or virtual server', async () => {
    const day = 'from=2026-02-28T12:00:00Z&to=2026-03-01T12:00:00Z';
    const strict = await get(`/api/v1/statistics/traffic?${day}&securityProfile=strict`);
    const other = await get(`/api/v1/statistics/traffic?${day}&virtualServer=vs_other`);

    const servers = strict.groups.map((group: { virtualServer: string }) => group.virtualServer);
    assert.deepEqual(servers, ['vs_mail']);
    assert.equal(strict.totals.messages, 7);
    assert.equal(other.totals.messages, 1);
    assert.equal(other.groups[0].securityProfile, 'smtp_security');
  });

  it('should narrow to one security profile and virtual server', async () => {
    const stats = await get(
      `/api/v1/statistics/traffic?${RANGE}&securityProfile=smtp_security&virtualServer=vs_mail`,
    );

    assert.equal(stats.groups.length, 1);
    assert.equal(stats.totals.messages, 6);
  });

  it('should give a per-minute series when asked', async () => {
    const stats = await get(
      `/api/v1/statistics/traffic?${RANGE}&securityProfile=smtp_security&series=true`,
    );
    const mail = stats.groups.find((g: { virtualServer: string }) => g.virtualServer === 'vs_mail');

    assert.deepEqual(
      mail.series.map((point: { minute: string; messages: number }) => [
        point.minute,
        point.messages,
      ]),
      [
        ['2026-03-01T10:00:00.000Z', 3],
        ['2026-03-01T10:01:00.000Z', 3],
      ],
    );
  });

  it('should refuse a series over more than 24 hours', async () => {
    const range = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z';
    const response = await context.app.inject({
      url: `/api/v1/statistics/traffic?${range}&series=true`,
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'from');
  });

  it('should refuse a series flag that is not true or false', async () => {
    const response = await context.app.inject({ url: '/api/v1/statistics/traffic?series=yes' });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'series');
  });
});
