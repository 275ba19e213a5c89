// Clients that reset their connection as soon as it opens (port scanners, load balancer
// probes): nothing to serve, and nothing for the log but quiet.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { TWorker } from '../../src/start-worker.ts';
import { startBackend, type TBackend } from '../helpers/backend.ts';
import { startLoggedWorker } from '../helpers/logged-worker.ts';
import { openSession } from '../helpers/smtp-client.ts';
import {
  BLOCK,
  freePort,
  pool,
  profileWith,
  snapshot,
  virtualServer,
} from '../helpers/snapshot.ts';

const RESETS = 200;

function connectAndReset(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.resetAndDestroy();
      resolve();
    });
    socket.on('error', () => resolve());
  });
}

describe('connections reset as they open', () => {
  let backend: TBackend;
  let worker: TWorker;
  let logLines: Array<Record<string, unknown>> = [];

  before(async () => {
    backend = await startBackend();
    const logged = await startLoggedWorker();
    worker = logged.worker;
    logLines = logged.logLines;
  });

  after(async () => {
    await worker?.stop();
    await backend?.stop();
  });

  it('should drop them without a check fault, and go on serving', async () => {
    const port = await freePort();
    const profile = profileWith('probed', {
      directory_harvest: BLOCK,
      rate_limit_concurrency: BLOCK,
    });
    await worker.applySnapshot(snapshot(1, {
      virtualServers: [virtualServer('vs_probed', port, { securityProfile: profile.name })],
      pools: [pool('pool_a', [backend.port])],
      securityProfiles: [profile],
    }));

    for (let round = 0; round < RESETS / 20; round += 1) {
      await Promise.all(Array.from({ length: 20 }, () => connectAndReset(port)));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const client = await openSession(port);
    const reply = await client.command('NOOP');
    client.close();

    assert.equal(reply.code, 250, 'a real client is still served');
    const errors = logLines.filter((line) => Number(line.level) >= 50);
    assert.deepEqual(errors.map((line) => line.msg), []);
  });
});
