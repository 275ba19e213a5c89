import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';
import { ingest, trafficRecord, violationRecord } from '../../records.ts';

// Every window below ends with the bucket holding this time.
const TO = '2026-03-01T12:30:00Z';

const traffic = (minute: string, messages: number, virtualServer = 'vs_mail', blocked = 0) =>
  trafficRecord({
    minute: `2026-${minute}:00.000Z`,
    messages,
    bytes: messages * 100,
    blocked,
    virtualServer,
    securityProfile: messages % 2 === 0 ? 'strict' : 'smtp_security',
  });

const violation = (time: string, name: string, virtualServer: string, clientAddress: string) =>
  violationRecord({
    time: `2026-${time}Z`,
    violation: name as 'spf_fail',
    virtualServer,
    clientAddress,
  });

const context = build({
  setup: async (ready) => {
    await ingest(ready, 'traffic', [
      traffic('03-01T12:30', 5, 'vs_mail', 1),
      traffic('03-01T12:00', 3),
      traffic('03-01T11:31', 2, 'vs_other'),
      traffic('03-01T11:30', 100, 'vs_other'),
      traffic('03-01T12:44', 7),
      traffic('03-01T12:45', 1000),
      traffic('02-28T12:44', 11),
      traffic('02-25T03:10', 13, 'vs_third'),
      // Just before the week.
      traffic('02-22T12:59', 10_000),
    ]);
    await ingest(ready, 'violations', [
      violation('03-01T12:30:10', 'spf_fail', 'vs_mail', '192.0.2.1'),
      violation('03-01T12:30:50', 'spf_fail', 'vs_mail', '192.0.2.1'),
      violation('03-01T12:00:00', 'rfc_syntax', 'vs_other', '192.0.2.2'),
      violation('03-01T11:31:00', 'virus_detected', 'vs_mail', '2001:db8::1'),
      violation('03-01T11:30:59.999', 'spf_fail', 'vs_other', '192.0.2.3'),
      violation('02-25T03:10:00', 'rfc_syntax', 'vs_third', '192.0.2.2'),
    ]);
  },
});

type TPoint = { time: string; messages: number; violations: number } & Record<string, number>;

async function dashboard(query: string) {
  const response = await context.app.inject({ url: `/api/v1/dashboard?to=${TO}&${query}` });
  assert.equal(response.statusCode, 200, response.body);

  return response.json();
}

// The points that are not zero, as [time, messages, violations].
function busyPoints(series: TPoint[]) {
  return series
    .filter((point) => point.messages > 0 || point.violations > 0)
    .map((point) => [point.time.slice(5, 16), point.messages, point.violations]);
}

type TWindowBody = { from: string; to: string; bucketSeconds: number; series: TPoint[] };

function assertContiguous(body: TWindowBody) {
  const step = body.bucketSeconds * 1000;
  assert.equal(body.series[0]?.time, body.from);
  assert.equal(Date.parse(body.series.at(-1)?.time ?? '') + step, Date.parse(body.to));
  for (const [index, point] of body.series.entries()) {
    assert.equal(Date.parse(point.time), Date.parse(body.from) + index * step);
  }
}

function assertTotalsAreSums(body: { totals: Record<string, number>; series: TPoint[] }) {
  for (const name of ['connections', 'messages', 'bytes', 'blocked', 'violations']) {
    const sum = body.series.reduce((total, point) => total + (point[name] ?? 0), 0);
    assert.equal(body.totals[name], sum, `${name}: totals equal the sum of the series`);
  }
}

describe('GET /api/v1/dashboard', () => {
  it('should show an hour minute by minute, empty minutes as zeros', async () => {
    const body = await dashboard('range=hour');

    assert.equal(body.bucket, '1m');
    assert.equal(body.bucketSeconds, 60);
    assert.equal(body.from, '2026-03-01T11:31:00.000Z');
    assert.equal(body.to, '2026-03-01T12:31:00.000Z');
    assert.equal(body.series.length, 60);
    assertContiguous(body);
    assert.deepEqual(busyPoints(body.series), [
      ['03-01T11:31', 2, 1],
      ['03-01T12:00', 3, 1],
      ['03-01T12:30', 5, 2],
    ]);
    assertTotalsAreSums(body);
    assert.equal(body.totals.blocked, 1);
  });

  it('should list top violations, top clients and every virtual server of the window', async () => {
    const body = await dashboard('range=hour');

    assert.deepEqual(body.topViolations, [
      { protocol: 'SMTP', violation: 'spf_fail', label: 'SPF fail', count: 2 },
      { protocol: 'SMTP', violation: 'rfc_syntax', label: 'Bad command syntax', count: 1 },
      { protocol: 'SMTP', violation: 'virus_detected', label: 'Virus detected', count: 1 },
    ]);
    assert.deepEqual(body.topClients, [
      { clientAddress: '192.0.2.1', count: 2 },
      { clientAddress: '192.0.2.2', count: 1 },
      { clientAddress: '2001:db8::1', count: 1 },
    ]);
    assert.deepEqual(
      body.virtualServers.map((row: Record<string, unknown>) =>
        [row.virtualServer, row.messages, row.bytes, row.blocked, row.violations]),
      [
        ['vs_mail', 8, 800, 1, 3],
        ['vs_other', 2, 200, 0, 1],
      ],
    );
  });

  it('should show a day in quarter hours by default', async () => {
    const body = await dashboard('range=day');

    assert.equal(body.bucket, '15m');
    assert.equal(body.from, '2026-02-28T12:45:00.000Z');
    assert.equal(body.to, '2026-03-01T12:45:00.000Z');
    assert.equal(body.series.length, 96);
    assertContiguous(body);
    assert.deepEqual(busyPoints(body.series), [
      ['03-01T11:30', 102, 2],
      ['03-01T12:00', 3, 1],
      ['03-01T12:30', 12, 2],
    ]);
    assertTotalsAreSums(body);
  });

  it('should show a day in hours when asked', async () => {
    const body = await dashboard('range=day&bucket=1h');

    assert.equal(body.from, '2026-02-28T13:00:00.000Z');
    assert.equal(body.series.length, 24);
    assertContiguous(body);
    assert.deepEqual(busyPoints(body.series), [
      ['03-01T11:00', 102, 2],
      ['03-01T12:00', 1015, 3],
    ]);
    assertTotalsAreSums(body);
  });

  it('should show a week in hours by default, and in six hours when asked', async () => {
    const hourly = await dashboard('range=week');
    const sixHourly = await dashboard('range=week&bucket=6h');

    assert.equal(hourly.bucket, '1h');
    assert.equal(hourly.series.length, 168);
    assert.equal(hourly.from, '2026-02-22T13:00:00.000Z');
    assert.deepEqual(busyPoints(hourly.series), [
      ['02-25T03:00', 13, 1],
      ['02-28T12:00', 11, 0],
      ['03-01T11:00', 102, 2],
      ['03-01T12:00', 1015, 3],
    ]);
    assert.equal(sixHourly.series.length, 28);
    assert.equal(sixHourly.from, '2026-02-22T18:00:00.000Z');
    assert.deepEqual(busyPoints(sixHourly.series), [
      ['02-25T00:00', 13, 1],
      ['02-28T12:00', 11, 0],
      ['03-01T06:00', 102, 2],
      ['03-01T12:00', 1015, 3],
    ]);
    for (const body of [hourly, sixHourly]) {
      assertContiguous(body);
      assertTotalsAreSums(body);
      assert.equal(body.totals.messages, 1141, 'the week before it is left out');
    }
  });

  it('should count a week exactly: whole hours from rollups, the rest from rows', async () => {
    const body = await dashboard('range=week');
    const third = body.virtualServers.find(
      (row: { virtualServer: string }) => row.virtualServer === 'vs_third',
    );

    assert.equal(body.totals.violations, 6);
    assert.deepEqual([third.messages, third.violations], [13, 1]);
    // Ties in address order.
    assert.deepEqual(body.topClients.slice(0, 2), [
      { clientAddress: '192.0.2.1', count: 2 },
      { clientAddress: '192.0.2.2', count: 2 },
    ]);
  });

  it('should cut the top lists to `top`', async () => {
    const body = await dashboard('range=hour&top=1');

    assert.equal(body.topViolations.length, 1);
    assert.equal(body.topClients.length, 1);
  });

  it('should end at the current bucket without `to`', async () => {
    const response = await context.app.inject({ url: '/api/v1/dashboard?range=hour' });
    const body = response.json();

    assert.equal(response.statusCode, 200);
    assert.ok(Date.parse(body.from) <= Date.now() && Date.now() < Date.parse(body.to));
    assert.equal(body.totals.messages, 0, 'the records are from another day');
  });

  const refused = [
    ['range=hour&bucket=1h', 'bucket'],
    ['range=week&bucket=15m', 'bucket'],
    ['range=month', 'range'],
    ['range=day&bucket=5m', 'bucket'],
    ['range=day&top=0', 'top'],
    ['range=day&to=yesterday', 'to'],
  ];
  for (const [query, field] of refused) {
    it(`should refuse ${query}, naming ${field}`, async () => {
      const response = await context.app.inject({ url: `/api/v1/dashboard?${query}` });

      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED');
      assert.equal(response.json().error.field, field);
    });
  }
});
