import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import type { TWorker } from '../src/start-worker.ts';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { makeCertificate } from './helpers/certificate.ts';
import { openSession, RawSmtpClient } from './helpers/smtp-client.ts';
import { BLOCK, freePort, pool, profileWith, snapshot, virtualServer } from './helpers/snapshot.ts';
import { startTestWorker } from './helpers/worker.ts';

async function ehloKeywords(port: number): Promise<string[]> {
  const client = await RawSmtpClient.connect(port);
  await client.read();
  const ehlo = await client.command('EHLO client.test');
  client.close();

  return ehlo.text.split('\n').slice(1).map((line) => line.split(' ')[0] ?? '');
}

describe('SMTP service', () => {
  let worker: TWorker;
  let backend: TBackend;
  let plainPort: number;
  let tlsPort: number;

  before(async () => {
    worker = await startTestWorker();
    backend = await startBackend();
    plainPort = await freePort();
    tlsPort = await freePort();
    await worker.applySnapshot(
      snapshot(1, {
        virtualServers: [
          virtualServer('vs_plain', plainPort),
          virtualServer('vs_tls', tlsPort, { tls: makeCertificate() }),
        ],
        pools: [pool('pool_a', [backend.port])],
      }),
    );
  });

  after(async () => {
    await worker.stop();
    await backend.stop();
  });

  it('should offer the four extensions, no AUTH, no STARTTLS without a certificate', async () => {
    const keywords = await ehloKeywords(plainPort);

    assert.deepEqual(keywords.sort(), ['8BITMIME', 'ENHANCEDSTATUSCODES', 'PIPELINING', 'SIZE']);
  });

  it('should refuse AUTH as an unknown command', async () => {
    const client = await RawSmtpClient.connect(plainPort);
    await client.read();
    await client.command('EHLO client.test');
    const auth = await client.command('AUTH PLAIN AGdhdGU=');
    client.close();

    assert.equal(auth.code, 500);
  });

  it('should offer STARTTLS with a certificate and relay over TLS', async () => {
    assert.ok((await ehloKeywords(tlsPort)).includes('STARTTLS'));
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: tlsPort,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      name: 'client.test',
    });

    const info = await transport.sendMail({
      envelope: { from: 's@example.com', to: ['r@example.org'] },
      raw: 'Subject: tls\r\n\r\nsecret\r\n',
    });
    transport.close();

    assert.match(info.response, /^250 /);
    assert.match(backend.messages.at(-1)?.data.toString() ?? '', /with ESMTPS id/);
  });

  it('should refuse an oversized message with 552 and never finish it at the member', async () => {
    const port = await freePort();
    const small = profileWith('small', { message_too_large: BLOCK }, {
      validation: { maxMessageBytes: 4096 },
    });
    await worker.applySnapshot(
      snapshot(2, {
        virtualServers: [virtualServer('vs_small', port, { securityProfile: 'small' })],
        pools: [pool('pool_a', [backend.port])],
        securityProfiles: [small],
      }),
    );
    const before = backend.messages.length;
    const client = await openSession(port);

    const reply = await client.sendMail('s@example.com', ['r@example.org'], 'x'.repeat(20_000));
    const next = await client.command('NOOP');
    client.close();

    assert.equal(reply.code, 552);
    assert.match(reply.text, /^5\.3\.4 .*\(Support ID: \w{5}-\w{5}\)$/);
    assert.equal(next.code, 250);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(backend.messages.length, before, 'the member got no message');
  });

  it('should answer 421 when the virtual server has no pool', async () => {
    const port = await freePort();
    await worker.applySnapshot(
      snapshot(3, {
        virtualServers: [virtualServer('vs_nopool', port, { pool: null })],
        pools: [pool('pool_a', [backend.port])],
      }),
    );
    const client = await RawSmtpClient.connect(port);
    const greeting = await client.read();
    client.close();

    assert.equal(greeting.code, 421);
  });
});
