import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';
import { postBatch, trafficRecord, violationRecord } from '../../records.ts';

const context = build();

async function violationCount(): Promise<number> {
  return context.prisma.violation.count();
}

async function trafficRow(minute: string, virtualServer = 'vs_mail') {
  return context.prisma.trafficMinute.findUnique({
    where: {
      minute_securityProfile_virtualServer: {
        minute: new Date(minute),
        securityProfile: 'smtp_security',
        virtualServer,
      },
    },
  });
}

describe('record routes authentication', () => {
  it('should answer 401 without the worker secret', async () => {
    const violations = await context.app.inject({
      method: 'POST',
      url: '/internal/v1/violations',
      payload: { batchId: randomUUID(), records: [] },
    });
    const traffic = await context.app.inject({
      method: 'POST',
      url: '/internal/v1/traffic',
      headers: { authorization: 'Bearer wrong' },
      payload: { batchId: randomUUID(), records: [] },
    });

    assert.equal(violations.statusCode, 401);
    assert.equal(traffic.statusCode, 401);
  });
});

describe('POST /internal/v1/violations', () => {
  it('should store a batch, with the worker that sent it', async () => {
    const records = [violationRecord(), violationRecord({ violation: 'spf_fail' })];

    const response = await postBatch(context, 'violations', records);

    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { accepted: 2, duplicate: false });
    const stored = await context.prisma.violation.findUnique({
      where: { supportId: records[1]?.supportId },
    });
    assert.equal(stored?.violation, 'spf_fail');
    assert.equal(stored?.workerId, 'worker-test');
  });

  it('should count a batch sent twice once', async () => {
    const batchId = randomUUID();
    const records = [violationRecord(), violationRecord()];
    const before = await violationCount();

    const first = await postBatch(context, 'violations', records, batchId);
    // The retry carries new records under the old id: still nothing changes.
    const second = await postBatch(context, 'violations', [violationRecord()], batchId);

    assert.deepEqual(first.json(), { accepted: 2, duplicate: false });
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), { accepted: 0, duplicate: true });
    assert.equal(await violationCount(), before + 2);
  });

  it('should take batches sent together once each', async () => {
    const batchId = randomUUID();
    const records = [violationRecord()];
    const before = await violationCount();

    const responses = await Promise.all(
      [1, 2, 3].map(() => postBatch(context, 'violations', records, batchId)),
    );

    assert.deepEqual(responses.map((r) => r.statusCode), [200, 200, 200]);
    assert.equal(responses.filter((r) => r.json().duplicate === false).length, 1);
    assert.equal(await violationCount(), before + 1);
  });

  it('should skip a violation whose Support ID is stored already', async () => {
    const known = violationRecord();
    await postBatch(context, 'violations', [known]);

    const response = await postBatch(context, 'violations', [known, violationRecord()]);

    assert.deepEqual(response.json(), { accepted: 1, duplicate: false });
  });

  it('should refuse a bad record naming its index, storing nothing of the batch', async () => {
    const batchId = randomUUID();
    const good = violationRecord();
    const before = await violationCount();

    const response = await postBatch(
      context,
      'violations',
      [good, good, good, violationRecord({ violation: 'made_up' as 'spf_fail' })],
      batchId,
    );
    const retried = await postBatch(context, 'violations', [good], batchId);

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'VALIDATION_FAILED');
    assert.equal(response.json().error.field, 'records.3.violation');
    assert.deepEqual(retried.json(), { accepted: 1, duplicate: false }, 'the id was not used up');
    assert.equal(await violationCount(), before + 1);
  });

  it('should refuse a malformed Support ID naming the record', async () => {
    const response = await postBatch(context, 'violations', [
      violationRecord({ supportId: 'ABCDE-FGHIL' }),
    ]);

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'records.0.supportId');
  });

  it('should refuse a client address that is not an IP address', async () => {
    const response = await postBatch(context, 'violations', [
      violationRecord(),
      violationRecord({ clientAddress: 'client.example' }),
    ]);

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'records.1.clientAddress');
  });

  it('should store client addresses in canonical form', async () => {
    const mapped = violationRecord({ clientAddress: '::FFFF:192.0.2.77' });
    const long = violationRecord({ clientAddress: '2001:0DB8:0000:0000:0000:0000:0000:0001' });

    await postBatch(context, 'violations', [mapped, long]);

    const rows = await context.prisma.violation.findMany({
      where: { supportId: { in: [mapped.supportId, long.supportId] } },
      orderBy: { supportId: 'asc' },
    });
    assert.deepEqual(
      rows.map((row) => row.clientAddress),
      ['192.0.2.77', '2001:db8::1'],
    );
  });

  it('should accept a batch of about 5 MB', async () => {
    const line = `S: 250 ${'x'.repeat(92)}`;
    const records = Array.from({ length: 1000 }, () =>
      violationRecord({ details: { transcript: Array.from({ length: 50 }, () => line) } }),
    );
    const size = Buffer.byteLength(JSON.stringify({ batchId: randomUUID(), records }));
    assert.ok(size > 5_000_000, `the batch is ${size} bytes`);

    const response = await postBatch(context, 'violations', records);

    assert.equal(response.statusCode, 200, response.body.slice(0, 200));
    assert.deepEqual(response.json(), { accepted: 1000, duplicate: false });
  });
});

describe('POST /internal/v1/traffic', () => {
  it('should add the counters of two batches together', async () => {
    const minute = '2026-03-01T10:00:00.000Z';

    const first = await postBatch(context, 'traffic', [
      trafficRecord({ minute, connections: 2, messages: 3, bytes: 5000, blocked: 1 }),
    ]);
    const second = await postBatch(context, 'traffic', [
      trafficRecord({ minute, connections: 1, messages: 4, bytes: 2_000_000_000_000, alarmed: 2 }),
    ]);

    assert.deepEqual(first.json(), { accepted: 1, duplicate: false });
    assert.deepEqual(second.json(), { accepted: 1, duplicate: false });
    const row = await trafficRow(minute);
    assert.deepEqual(
      [row?.connections, row?.messages, row?.bytes, row?.recipients, row?.alarmed, row?.blocked],
      [3, 7, 2_000_000_005_000n, 2, 2, 1],
    );
  });

  it('should count a batch sent twice once', async () => {
    const minute = '2026-03-01T10:01:00.000Z';
    const batchId = randomUUID();
    const records = [trafficRecord({ minute, messages: 10 })];

    await postBatch(context, 'traffic', records, batchId);
    const again = await postBatch(context, 'traffic', records, batchId);

    assert.deepEqual(again.json(), { accepted: 0, duplicate: true });
    assert.equal((await trafficRow(minute))?.messages, 10);
  });

  it('should put records on their minute and add up those of one row', async () => {
    const response = await postBatch(context, 'traffic', [
      trafficRecord({ minute: '2026-03-01T10:02:15.000Z', messages: 1 }),
      trafficRecord({ minute: '2026-03-01T10:02:45.500Z', messages: 2 }),
      trafficRecord({ minute: '2026-03-01T10:02:00.000Z', messages: 3, virtualServer: 'vs_b' }),
    ]);

    assert.deepEqual(response.json(), { accepted: 3, duplicate: false });
    assert.equal((await trafficRow('2026-03-01T10:02:00.000Z'))?.messages, 3);
    assert.equal((await trafficRow('2026-03-01T10:02:00.000Z', 'vs_b'))?.messages, 3);
  });

  it('should refuse a negative counter naming the record, adding nothing', async () => {
    const minute = '2026-03-01T10:03:00.000Z';

    const response = await postBatch(context, 'traffic', [
      trafficRecord({ minute }),
      trafficRecord({ minute, messages: -1 }),
    ]);

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'records.1.messages');
    assert.equal(await trafficRow(minute), null);
  });

  it('should refuse a counter too large for its column naming it', async () => {
    const response = await postBatch(context, 'traffic', [
      trafficRecord({ connections: 3_000_000_000 }),
    ]);

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'records.0.connections');
  });
});
