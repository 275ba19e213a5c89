import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TSnapshot } from '@portcullis/contracts';
import { createLogger } from '../src/logging/create-logger.ts';
import { startWorker, type TWorker } from '../src/start-worker.ts';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { FakeApi } from './helpers/fake-api.ts';
import { relayOne } from './helpers/smtp-client.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { waitFor } from './helpers/worker.ts';

const SECRET = 'test-secret-of-some-length';

function startApiWorker(apiUrl: string, stateDir: string, secret = SECRET): Promise<TWorker> {
  return startWorker(
    {
      apiUrl,
      workerSecret: secret,
      workerId: 'w-test',
      stateDir,
      hostname: 'gw.test',
      logLevel: 'silent',
    },
    { logger: createLogger('silent', 'w-test') },
  );
}

const relayOnce = (port: number) => relayOne(port, 'via the api');

describe('configuration channel', () => {
  let backend: TBackend;
  let api: FakeApi;
  let stateDir: string;
  let ports: number[];
  const makeSnapshot = (version: number, port: number): TSnapshot =>
    snapshot(version, {
      virtualServers: [virtualServer('vs_api', port)],
      pools: [pool('pool_a', [backend.port])],
    });
  const acknowledged = (version: number) => () =>
    api.reports.some((report) => report.appliedVersion === version);

  before(async () => {
    backend = await startBackend();
    stateDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-worker-test-'));
    ports = [await freePort(), await freePort(), await freePort()];
    api = await new FakeApi(SECRET, makeSnapshot(1, ports[0] as number)).start();
  });

  after(async () => {
    await api.stop();
    await backend.stop();
    await rm(stateDir, { recursive: true, force: true });
  });

  it('should apply pushes, acknowledge them, keep the last good one and reconnect', async () => {
    const [p1, p2, p3] = ports as [number, number, number];
    const worker = await startApiWorker(api.url, stateDir);
    try {
      assert.equal(worker.report().appliedVersion, 1);
      assert.equal(await relayOnce(p1), 250);
      await waitFor(acknowledged(1), 2000, 'acknowledgement of v1');
      assert.deepEqual([...api.workerIds], ['w-test']);

      const pushedAt = Date.now();
      api.publish(makeSnapshot(2, p2));
      await waitFor(acknowledged(2), 1000, 'acknowledgement of v2');
      assert.ok(Date.now() - pushedAt < 1000);
      assert.equal(await relayOnce(p2), 250);
      const listening = { virtualServer: 'vs_api', status: 'listening', reason: null };
      assert.deepEqual(api.reports.at(-1)?.listeners, [listening]);

      api.publish({ version: 3, virtualServers: 'not a list' });
      api.publish(makeSnapshot(1, p1));
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(worker.report().appliedVersion, 2, 'invalid and older snapshots change nothing');
      assert.equal(await relayOnce(p2), 250);

      const beats = api.reports.length;
      await waitFor(() => api.reports.length > beats, 3000, 'a heartbeat');

      api.dropStreams();
      api.publish(makeSnapshot(4, p3));
      // The acknowledgement goes out after the snapshot is applied and cached.
      await waitFor(acknowledged(4), 3000, 'v4 after reconnecting');
      assert.equal(await relayOnce(p3), 250);

      const cacheFile = await readFile(path.join(stateDir, 'snapshot.json'), 'utf8');
      const cached = JSON.parse(cacheFile) as TSnapshot;
      assert.equal(cached.version, 4);
    } finally {
      await worker.stop();
    }
  });

  it('should serve the cached snapshot when the API is down', async () => {
    await api.stop();
    const worker = await startApiWorker(api.url, stateDir);
    try {
      assert.equal(worker.report().appliedVersion, 4);
      assert.equal(await relayOnce(ports[2] as number), 250);
    } finally {
      await worker.stop();
    }
  });

  it('should not be configured by an API that refuses its secret', async () => {
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-worker-test-'));
    const strict = await new FakeApi('another-secret', makeSnapshot(9, ports[0] as number)).start();
    const worker = await startApiWorker(strict.url, emptyDir);
    try {
      assert.equal(worker.report().appliedVersion, null);
      assert.equal(strict.workerIds.size, 0);
    } finally {
      await worker.stop();
      await strict.stop();
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
