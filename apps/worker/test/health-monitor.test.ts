import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TWorker } from '../src/start-worker.ts';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { startTestWorker, waitFor } from './helpers/worker.ts';

describe('SMTP health monitor', () => {
  let worker: TWorker;
  let steady: TBackend;
  let flaky: TBackend;

  const statusOf = (port: number) => worker.report().members.find((m) => m.port === port)?.status;

  before(async () => {
    worker = await startTestWorker();
    steady = await startBackend();
    flaky = await startBackend();
    await worker.applySnapshot(
      snapshot(1, {
        virtualServers: [virtualServer('vs_mon', await freePort())],
        pools: [
          pool('pool_a', [steady.port, flaky.port], {
            monitor: { type: 'SMTP', intervalSec: 1, timeoutSec: 2 },
          }),
        ],
      }),
    );
  });

  after(async () => {
    await worker.stop();
    await steady.stop();
  });

  it('should mark members up, down when they stop answering, up after one success', async () => {
    const bothUp = () => statusOf(steady.port) === 'up' && statusOf(flaky.port) === 'up';
    await waitFor(bothUp, 3000, 'both up');
    const checksBefore = steady.connections;

    await flaky.stop();
    await waitFor(() => statusOf(flaky.port) === 'down', 5000, 'the stopped member down');

    assert.equal(statusOf(steady.port), 'up');
    assert.ok(steady.connections > checksBefore, 'the monitor keeps checking with EHLO sessions');
    const flakyMember = worker.report().members.find((m) => m.port === flaky.port);
    assert.match(flakyMember?.reason ?? '', /ECONNREFUSED/);

    const revived = await startBackend({ port: flaky.port });
    await waitFor(() => statusOf(flaky.port) === 'up', 3000, 'the restarted member up');
    await revived.stop();
  });
});
