import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ZSnapshotSecurityProfile } from '@portcullis/contracts';
import type { TWorker } from '../src/start-worker.ts';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { startTestWorker } from './helpers/worker.ts';

// Milliseconds from connect to the first byte of the greeting.
function timeGreeting(port: number, earlyCommand?: string): Promise<{ ms: number; line: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const socket = net.connect({ port, host: '127.0.0.1' }, () => {
      if (earlyCommand) socket.write(`${earlyCommand}\r\n`);
    });
    socket.once('data', (chunk: Buffer) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ ms, line: chunk.toString().split('\r\n')[0] ?? '' });
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('greeting', () => {
  let worker: TWorker;
  let backend: TBackend;
  let fastPort: number;
  let slowPort: number;

  before(async () => {
    worker = await startTestWorker();
    backend = await startBackend();
    fastPort = await freePort();
    slowPort = await freePort();
    const profile = ZSnapshotSecurityProfile.parse({
      name: 'patient',
      remoteLogging: false,
      actions: {},
      settings: { compliance: { greetingDelayMs: 300 } },
    });

    await worker.applySnapshot(
      snapshot(1, {
        virtualServers: [
          virtualServer('vs_fast', fastPort),
          virtualServer('vs_slow', slowPort, { securityProfile: 'patient' }),
        ],
        pools: [pool('pool_a', [backend.port])],
        securityProfiles: [profile],
      }),
    );
  });

  after(async () => {
    await worker.stop();
    await backend.stop();
  });

  it('should greet without smtp-server\'s 100 ms pause when Protocol Security is off', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const { ms, line } = await timeGreeting(fastPort);
      assert.match(line, /^220 gw\.portcullis\.test ESMTP/);
      timings.push(ms);
    }

    // A fixed pause would hold back every greeting by 100 ms; the median stays clear
    // of one greeting slowed by a busy machine.
    const list = timings.map((t) => t.toFixed(1)).join(', ');
    const median = [...timings].sort((a, b) => a - b)[timings.length / 2] ?? Infinity;
    assert.ok(median < 60, `greetings took ${list} ms`);
  });

  it('should wait the profile\'s greeting delay and catch a client talking first', async () => {
    const patient = await timeGreeting(slowPort);
    const early = await timeGreeting(slowPort, 'EHLO early.test');

    assert.ok(patient.ms >= 290, `greeted after ${patient.ms} ms`);
    assert.match(patient.line, /^220 /);
    // RFC 5321 3.1: 554 in place of the greeting, no enhanced code before EHLO.
    assert.match(early.line, /^554 Talking before the greeting \(Support ID: \w{5}-\w{5}\)$/);
  });
});
