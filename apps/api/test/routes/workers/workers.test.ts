import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TWorkerReport } from '@portcullis/contracts';
import { build, latestVersion, WORKER_AUTH, type TTestContext } from '../../helper.ts';

const context = build({ setup: createTopology });

async function createTopology({ app }: TTestContext) {
  const pool = await app.inject({
    method: 'POST',
    url: '/api/v1/pools',
    payload: { name: 'web', members: [{ address: '192.0.2.1' }, { address: '192.0.2.2' }] },
  });
  const server = await app.inject({
    method: 'POST',
    url: '/api/v1/virtual-servers',
    payload: { name: 'vs_smtp', destinationAddress: '127.0.0.1', defaultPool: 'web' },
  });
  assert.equal(pool.statusCode, 201);
  assert.equal(server.statusCode, 201);
}

function report(workerId: string, fields: Partial<TWorkerReport>): TWorkerReport {
  return {
    workerId,
    hostname: 'gateway-1',
    startedAt: new Date().toISOString(),
    appliedVersion: null,
    listeners: [],
    members: [],
    remoteLogging: null,
    ...fields,
  };
}

async function sendReport(body: Omit<TWorkerReport, 'remoteLogging'>) {
  const response = await context.app.inject({
    method: 'POST',
    url: '/internal/v1/workers/report',
    headers: { ...WORKER_AUTH, 'x-portcullis-worker': body.workerId },
    payload: body,
  });
  assert.equal(response.statusCode, 204, response.body);
}

async function poolMembers() {
  const response = await context.app.inject({ url: '/api/v1/pools?q=web' });
  const [pool] = response.json().items;

  return pool as { status: string; members: Array<{ address: string; status: string }> };
}

describe('GET /api/v1/config/version', () => {
  it('should answer the newest snapshot version', async () => {
    const response = await context.app.inject({ url: '/api/v1/config/version' });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { version: await latestVersion(context) });
  });
});

describe('GET /api/v1/workers', () => {
  it('should list a reporting worker as alive and in sync', async () => {
    const version = await latestVersion(context);
    await sendReport(report('worker-sync', { appliedVersion: version }));

    const response = await context.app.inject({ url: '/api/v1/workers?q=worker-sync' });

    assert.equal(response.statusCode, 200);
    const [worker] = response.json().items;
    assert.equal(worker.id, 'worker-sync');
    assert.equal(worker.isAlive, true);
    assert.equal(worker.isInSync, true);
    assert.equal(worker.currentVersion, version);
  });

  it("should show the worker's remote logging counts, or null from an older worker", async () => {
    const remoteLogging = { destination: 'TCP 192.0.2.5:514', sent: 120, dropped: 3, queued: 7 };
    await sendReport(report('worker-syslog', { remoteLogging }));
    const { remoteLogging: _absent, ...older } = report('worker-older', {});
    await sendReport(older);

    const response = await context.app.inject({ url: '/api/v1/workers?q=worker-' });

    const items = response.json().items as Array<{ id: string; remoteLogging: unknown }>;
    const byId = new Map(items.map((item) => [item.id, item.remoteLogging]));
    assert.deepEqual(byId.get('worker-syslog'), remoteLogging);
    assert.equal(byId.get('worker-older'), null);
  });

  it('should refuse remote logging counts that are not counts', async () => {
    const remoteLogging = { destination: 'UDP 192.0.2.5:514', sent: -1, dropped: 0, queued: 0 };
    const response = await context.app.inject({
      method: 'POST',
      url: '/internal/v1/workers/report',
      headers: { ...WORKER_AUTH, 'x-portcullis-worker': 'worker-bad' },
      payload: report('worker-bad', { remoteLogging }),
    });

    assert.equal(response.statusCode, 400);
    assert.match(response.body, /remoteLogging/);
  });

  it('should show a worker behind the newest version as out of sync', async () => {
    await sendReport(report('worker-behind', { appliedVersion: 1 }));
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: { name: 'bump' },
    });
    assert.equal(created.statusCode, 201);

    const response = await context.app.inject({ url: '/api/v1/workers?q=worker-behind' });

    assert.equal(response.json().items[0].isInSync, false);
  });

  it('should show a silent worker as not alive', async () => {
    await sendReport(report('worker-silent', {}));
    await context.prisma.worker.update({
      where: { id: 'worker-silent' },
      data: { lastSeenAt: new Date(Date.now() - 60_000) },
    });

    const response = await context.app.inject({ url: '/api/v1/workers?q=worker-silent' });

    assert.equal(response.json().items[0].isAlive, false);
  });
});

describe('live status from worker reports', () => {
  it('should show members and listeners as alive workers report them', async () => {
    await context.prisma.worker.deleteMany();
    await sendReport(
      report('status-a', {
        listeners: [{ virtualServer: 'vs_smtp', status: 'listening', reason: null }],
        members: [
          { pool: 'web', address: '192.0.2.1', port: 25, status: 'down', reason: 'refused' },
          { pool: 'web', address: '192.0.2.2', port: 25, status: 'down', reason: 'refused' },
        ],
      }),
    );
    await sendReport(
      report('status-b', {
        members: [{ pool: 'web', address: '192.0.2.1', port: 25, status: 'up', reason: null }],
      }),
    );

    const pool = await poolMembers();
    const server = await context.app.inject({ url: '/api/v1/virtual-servers?q=vs_smtp' });

    assert.deepEqual(
      pool.members.map((m) => [m.address, m.status]),
      [
        ['192.0.2.1', 'up'],
        ['192.0.2.2', 'down'],
      ],
    );
    assert.equal(pool.status, 'up');
    assert.equal(server.json().items[0].status, 'listening');
  });

  it('should fall back to unknown when the reporting workers are not alive', async () => {
    await context.prisma.worker.updateMany({ data: { lastSeenAt: new Date(Date.now() - 60_000) } });

    const pool = await poolMembers();
    const server = await context.app.inject({ url: '/api/v1/virtual-servers?q=vs_smtp' });

    assert.deepEqual(
      pool.members.map((m) => m.status),
      ['unknown', 'unknown'],
    );
    assert.equal(pool.status, 'unknown');
    assert.equal(server.json().items[0].status, 'unknown');
  });
});
