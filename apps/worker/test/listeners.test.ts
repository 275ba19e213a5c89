import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { TSnapshotVirtualServer } from '@portcullis/contracts';
import type { TWorker } from '../src/start-worker.ts';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { openSession, RawSmtpClient, relayOne } from './helpers/smtp-client.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { startTestWorker } from './helpers/worker.ts';

// Resolves 'served' when a greeting arrives, 'refused' or 'closed' otherwise.
function probe(port: number, host = '127.0.0.1'): Promise<'served' | 'refused' | 'closed'> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('data', (chunk: Buffer) => {
      socket.destroy();
      resolve(chunk.toString().startsWith('220') ? 'served' : 'closed');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'closed');
    });
    socket.once('close', () => resolve('closed'));
  });
}

async function startTransaction(port: number): Promise<RawSmtpClient> {
  const client = await openSession(port);
  assert.equal((await client.command('MAIL FROM:<s@example.com>')).code, 250);
  assert.equal((await client.command('RCPT TO:<r@example.org>')).code, 250);
  assert.equal((await client.command('DATA')).code, 354);
  client.socket.write('Subject: in flight\r\n\r\nfirst half\r\n');

  return client;
}

async function finishTransaction(client: RawSmtpClient): Promise<number> {
  client.socket.write('second half\r\n.\r\n');
  const reply = await client.read();
  client.close();

  return reply.code;
}

describe('listeners', () => {
  let worker: TWorker;
  let backend: TBackend;
  let other: TBackend;
  let version = 0;

  async function apply(virtualServers: TSnapshotVirtualServer[]) {
    version += 1;
    await worker.applySnapshot(
      snapshot(version, {
        virtualServers,
        pools: [pool('pool_a', [backend.port]), pool('pool_b', [other.port])],
      }),
    );
  }

  before(async () => {
    worker = await startTestWorker();
    backend = await startBackend();
    other = await startBackend();
  });

  after(async () => {
    await worker.stop();
    await backend.stop();
    await other.stop();
  });

  it('should change, disable and add listeners live, sessions in flight unharmed', async () => {
    const [p1, p2, p3, p4] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const one = virtualServer('vs_one', p1);
    const two = virtualServer('vs_two', p2);
    await apply([one, two]);
    assert.equal(await probe(p2), 'served');

    const onUntouched = await startTransaction(p1);
    const onChanged = await startTransaction(p2);
    await apply([one, { ...two, port: p3 }, virtualServer('vs_three', p4)]);

    assert.equal(await probe(p2), 'refused');
    assert.equal(await probe(p3), 'served');
    assert.equal(await probe(p4), 'served');
    assert.equal(await finishTransaction(onUntouched), 250);
    assert.equal(await finishTransaction(onChanged), 250, 'sessions on a changed listener finish');

    const onOne = await startTransaction(p1);
    await apply([one, { ...two, port: p3 }, { ...virtualServer('vs_three', p4), enabled: false }]);

    assert.equal(await probe(p4), 'refused');
    assert.equal(await finishTransaction(onOne), 250);
    const listeners = worker.report().listeners;
    assert.deepEqual(
      listeners.map((l) => [l.virtualServer, l.status]),
      [
        ['vs_one', 'listening'],
        ['vs_two', 'listening'],
        ['vs_three', 'disabled'],
      ],
    );
  });

  it('should switch pools without touching a live session, using the new one after', async () => {
    const port = await freePort();
    const vs = virtualServer('vs_pool', port);
    await apply([vs]);
    const inFlight = await startTransaction(port);
    const countBefore = other.messages.length;

    await apply([{ ...vs, pool: 'pool_b' }]);
    assert.equal(await finishTransaction(inFlight), 250);

    assert.equal(await relayOne(port, 'new pool'), 250);
    assert.equal(other.messages.length, countBefore + 1);
  });

  it('should serve a network destination only for local addresses inside the network', async () => {
    const port = await freePort('0.0.0.0');
    const network = virtualServer('vs_net', port, {
      destination: { type: 'NETWORK', address: '127.0.0.0', mask: '255.255.255.0' },
    });
    const host = virtualServer('vs_host', port, {
      destination: { type: 'HOST', address: '127.0.0.7', mask: null },
      pool: 'pool_b',
    });
    await apply([network, host]);

    assert.equal(await probe(port, '127.0.0.1'), 'served');
    assert.equal(await probe(port, '127.0.1.1'), 'closed', 'outside 127.0.0.0/24');

    const countA = backend.messages.length;
    const countB = other.messages.length;
    for (const address of ['127.0.0.7', '127.0.0.9']) {
      assert.equal(await relayOne(port, 'network', address), 250);
    }

    assert.equal(other.messages.length, countB + 1, 'the host destination is the more specific');
    assert.equal(backend.messages.length, countA + 1);
    assert.deepEqual(
      worker.report().listeners.map((l) => l.status),
      ['listening', 'listening'],
    );
  });

  it('should report a port that is taken and listen once it is free', async () => {
    const port = await freePort();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', () => resolve()));

    await apply([virtualServer('vs_taken', port)]);
    const taken = worker.report().listeners[0];
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    await apply([virtualServer('vs_taken', port)]);

    assert.equal(taken?.status, 'error');
    assert.match(taken?.reason ?? '', /EADDRINUSE/);
    assert.equal(worker.report().listeners[0]?.status, 'listening');
  });
});
