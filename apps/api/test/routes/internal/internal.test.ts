import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ZSnapshot } from '@portcullis/contracts';
import { build, latestVersion, WORKER_AUTH, WORKER_SECRET } from '../../helper.ts';
import { openEventStream } from '../../sse-client.ts';

const context = build();
const workerHeaders = { ...WORKER_AUTH, 'x-portcullis-worker': 'test-worker' };

describe('internal routes authentication', () => {
  const refusals = [
    { name: 'no secret', headers: {} },
    { name: 'a wrong secret', headers: { authorization: 'Bearer not-the-secret' } },
    { name: 'the secret without Bearer', headers: { authorization: WORKER_SECRET } },
  ];

  for (const { name, headers } of refusals) {
    it(`should answer 401 to ${name}`, async () => {
      const snapshot = await context.app.inject({ url: '/internal/v1/snapshot', headers });
      const report = await context.app.inject({
        method: 'POST',
        url: '/internal/v1/workers/report',
        headers,
        payload: {},
      });

      assert.equal(snapshot.statusCode, 401);
      assert.equal(snapshot.json().error.code, 'UNAUTHENTICATED');
      assert.match(String(snapshot.headers['www-authenticate']), /^Bearer/);
      assert.equal(report.statusCode, 401);
    });
  }

  it('should refuse the worker secret on a user route (401)', async () => {
    const withSecret = await context.app.inject({ url: '/api/v1/pools', headers: WORKER_AUTH });

    assert.equal(withSecret.statusCode, 401);
    assert.equal(withSecret.json().error.code, 'UNAUTHENTICATED');
  });

  it("should refuse an administrator's API token and session cookie (401)", async () => {
    const session = await context.anonymousInject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: context.admin.username, password: context.admin.password },
    });
    assert.equal(session.statusCode, 200);
    const cookie = String(session.headers['set-cookie']).split(';')[0] as string;
    const credentials = [{ authorization: `Bearer ${context.admin.token}` }, { cookie }];

    for (const headers of credentials) {
      const snapshot = await context.app.inject({ url: '/internal/v1/snapshot', headers });
      const report = await context.app.inject({
        method: 'POST',
        url: '/internal/v1/violations',
        headers,
        payload: { batchId: 'b1', records: [] },
      });

      assert.equal(snapshot.statusCode, 401, JSON.stringify(headers));
      assert.equal(report.statusCode, 401);
    }
  });
});

describe('GET /internal/v1/snapshot', () => {
  it('should answer the newest snapshot, valid under the contract', async () => {
    const response = await context.app.inject({
      url: '/internal/v1/snapshot',
      headers: workerHeaders,
    });

    assert.equal(response.statusCode, 200);
    const snapshot = ZSnapshot.parse(response.json());
    assert.equal(snapshot.version, await latestVersion(context));
    assert.ok(snapshot.securityProfiles.some((profile) => profile.name === 'smtp_security'));
  });
});

describe('POST /internal/v1/workers/report', () => {
  it('should store the report', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/internal/v1/workers/report',
      headers: workerHeaders,
      payload: {
        workerId: 'test-worker',
        hostname: 'gw',
        startedAt: '2026-01-01T00:00:00.000Z',
        appliedVersion: 1,
        listeners: [],
        members: [],
      },
    });

    assert.equal(response.statusCode, 204);
    const row = await context.prisma.worker.findUnique({ where: { id: 'test-worker' } });
    assert.equal(row?.appliedVersion, 1);
  });

  it('should refuse a report without a worker id naming the field', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/internal/v1/workers/report',
      headers: workerHeaders,
      payload: { hostname: 'gw', startedAt: 'now', appliedVersion: 1, listeners: [], members: [] },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'workerId');
  });

  it('should refuse a start time that is not a time', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/internal/v1/workers/report',
      headers: workerHeaders,
      payload: {
        workerId: 'w',
        hostname: 'gw',
        startedAt: 'yesterday',
        appliedVersion: null,
        listeners: [],
        members: [],
      },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'startedAt');
  });
});

describe('GET /internal/v1/config-stream', () => {
  let baseUrl = '';

  before(async () => {
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(context.app.server.address() as AddressInfo).port}`;
  });

  it('should refuse a missing secret with 401 JSON', async () => {
    const response = await fetch(`${baseUrl}/internal/v1/config-stream`);

    assert.equal(response.status, 401);
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'UNAUTHENTICATED');
  });

  it('should send the newest snapshot on connect, then each change within 1 s', async () => {
    const stream = await openEventStream(`${baseUrl}/internal/v1/config-stream`, workerHeaders);
    after(() => stream.close());

    assert.equal(stream.status, 200);
    assert.match(stream.contentType ?? '', /^text\/event-stream/);
    const first = await stream.next(1000);
    const current = await latestVersion(context);
    assert.equal(first.event, 'snapshot');
    assert.equal(ZSnapshot.parse(JSON.parse(first.data)).version, current);

    const startedAt = performance.now();
    const change = await fetch(`${baseUrl}/api/v1/pools`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${context.admin.token}` },
      body: JSON.stringify({ name: 'streamed', members: [{ address: '192.0.2.9' }] }),
    });
    assert.equal(change.status, 201);
    const next = await stream.next(1000);
    const elapsedMs = performance.now() - startedAt;

    const snapshot = ZSnapshot.parse(JSON.parse(next.data));
    assert.equal(snapshot.version, current + 1);
    assert.equal(next.id, String(current + 1));
    assert.deepEqual(
      snapshot.pools.map((pool) => pool.name),
      ['streamed'],
    );
    assert.ok(elapsedMs < 1000, `delivered after ${elapsedMs.toFixed(0)} ms`);
  });

  it('should send nothing for a failed change', async () => {
    const stream = await openEventStream(`${baseUrl}/internal/v1/config-stream`, workerHeaders);
    after(() => stream.close());
    await stream.next(1000);

    const change = await fetch(`${baseUrl}/api/v1/pools`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${context.admin.token}` },
      body: JSON.stringify({ name: 'streamed' }),
    });

    assert.equal(change.status, 409);
    await assert.rejects(stream.next(300), /no event/);
  });
});
