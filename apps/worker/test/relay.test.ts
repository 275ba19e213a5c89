import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import type { TWorker } from '../src/start-worker.ts';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { openSession, relayOne } from './helpers/smtp-client.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { GATEWAY_NAME, startTestWorker, waitFor } from './helpers/worker.ts';

describe('relay', () => {
  let worker: TWorker;
  let a: TBackend;
  let b: TBackend;
  let port: number;
  let version = 1;

  async function configure(vsOverrides = {}, poolOverrides = {}, members = [a.port, b.port]) {
    version += 1;
    await worker.applySnapshot(
      snapshot(version, {
        virtualServers: [virtualServer('vs_relay', port, vsOverrides)],
        pools: [pool('pool_a', members, poolOverrides)],
      }),
    );
  }

  before(async () => {
    worker = await startTestWorker();
    port = await freePort();
  });

  after(async () => {
    await worker.stop();
  });

  describe('with two live members', () => {
    before(async () => {
      a = await startBackend({ unknownRecipients: ['nobody@example.org'] });
      b = await startBackend({ unknownRecipients: ['nobody@example.org'] });
    });

    after(async () => {
      await a.stop();
      await b.stop();
    });

    it('should relay the message byte for byte behind a Received header', async () => {
      await configure({}, {}, [a.port]);
      const raw =
        'From: sender@example.com\r\nTo: rcpt@example.org\r\nSubject: dots\r\n\r\n' +
        'first line\r\n.a line starting with a dot\r\n..two dots\r\n.\tdot and tab\r\nlast\r\n';
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port,
        ignoreTLS: true,
        name: 'client.test',
      });

      const info = await transport.sendMail({
        envelope: { from: 'sender@example.com', to: ['rcpt@example.org'] },
        raw,
      });
      transport.close();

      assert.match(info.response, /^250 2\.0\.0 Ok: queued as TEST/);
      const message = a.messages.at(-1);
      assert.ok(message);
      const text = message.data.toString('utf8');
      const headerEnd = text.indexOf('\r\n', text.indexOf(' +0000')) + 2;
      const header = text.slice(0, headerEnd).split('\r\n');
      assert.equal(header[0], 'Received: from client.test ([127.0.0.1])');
      const byLine = header[1]?.replace(/ id \w+\.1$/, ' id ID');
      assert.equal(byLine, `\tby ${GATEWAY_NAME} (Portcullis) with ESMTP id ID`);
      assert.equal(header[2], '\tfor <rcpt@example.org>;');
      assert.match(header[3] ?? '', /^\t\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/);
      assert.equal(header[4], '');
      assert.equal(text.slice(headerEnd), raw);
      assert.equal(message.mailFrom, 'sender@example.com');
      assert.deepEqual(message.rcptTo, ['rcpt@example.org']);
    });

    it('should mirror a member refusing a recipient and relay to the others', async () => {
      await configure({}, {}, [a.port]);
      const before = a.messages.length;
      const client = await openSession(port);

      assert.equal((await client.command('MAIL FROM:<s@example.com>')).code, 250);
      const refused = await client.command('RCPT TO:<nobody@example.org>');
      const accepted = await client.command('RCPT TO:<rcpt@example.org>');
      const data = await client.command('DATA');
      client.socket.write('Subject: x\r\n\r\nhello\r\n.\r\n');
      const end = await client.read();
      client.close();

      const text = '5.1.1 <nobody@example.org>: Recipient address rejected: User unknown';
      assert.deepEqual(refused, { code: 550, text });
      assert.equal(accepted.code, 250);
      assert.equal(data.code, 354);
      assert.deepEqual(end, { code: 250, text: '2.0.0 Ok: queued as TEST' });
      assert.equal(a.messages.length, before + 1);
      assert.deepEqual(a.messages.at(-1)?.rcptTo, ['rcpt@example.org']);
    });

    it('should refuse DATA when the member accepted no recipient', async () => {
      await configure({}, {}, [a.port]);
      const client = await openSession(port);

      await client.command('MAIL FROM:<s@example.com>');
      const refused = await client.command('RCPT TO:<nobody@example.org>');
      const data = await client.command('DATA');
      client.close();

      assert.equal(refused.code, 550);
      assert.equal(data.code, 503);
    });

    it('should spread sessions over the members by round robin', async () => {
      await configure();
      const countA = a.messages.length;
      const countB = b.messages.length;

      for (let i = 0; i < 4; i += 1) assert.equal(await relayOne(port, `round robin ${i}`), 250);

      assert.equal(a.messages.length - countA, 2);
      assert.equal(b.messages.length - countB, 2);
    });

    it('should reuse member connections across client sessions under Auto Map', async () => {
      await configure({}, {}, [a.port]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const connectionsBefore = a.connections;

      for (let i = 0; i < 3; i += 1) assert.equal(await relayOne(port, 'reuse'), 250);

      const opened = a.connections - connectionsBefore;
      assert.ok(opened <= 1, `opened ${opened} connections`);
    });

    it('should not pile up listeners on a member connection reused for many messages', async () => {
      await configure({}, {}, [a.port]);
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(warning.name);
      process.on('warning', onWarning);

      const client = await openSession(port);
      for (let i = 0; i < 15; i += 1) {
        const reply = await client.sendMail('s@example.com', ['r@example.org'], `Subject: ${i}`);
        assert.equal(reply.code, 250);
      }
      client.close();
      await new Promise((resolve) => setImmediate(resolve));
      process.off('warning', onWarning);

      assert.deepEqual(warnings, []);
    });

    it('should not let a bare-LF end mark smuggle a second message', async () => {
      await configure({}, {}, [a.port]);
      const before = a.messages.length;
      const client = await openSession(port);
      const smuggled =
        'Subject: smuggle\r\n\r\nhello\n.\n' +
        'MAIL FROM:<evil@example.com>\nRCPT TO:<r@example.org>\nDATA\nevil\n';

      const reply = await client.sendMail('s@example.com', ['r@example.org'], smuggled);
      client.close();

      assert.equal(reply.code, 250);
      await waitFor(() => a.messages.length > before);
      assert.equal(a.messages.length, before + 1);
      assert.ok(a.messages.at(-1)?.data.toString().endsWith(`${smuggled}\r\n`));
    });
  });

  describe('with SNAT None and a member offering XCLIENT', () => {
    let postfixLike: TBackend;

    before(async () => {
      postfixLike = await startBackend({ offersXclient: true });
    });

    after(async () => {
      await postfixLike.stop();
    });

    it('should tell the member the client address with XCLIENT', async () => {
      await configure({ snatPool: 'NONE' }, {}, [postfixLike.port]);
      assert.equal(await relayOne(port, 'xclient'), 250);

      assert.equal(postfixLike.messages.at(-1)?.xclientAddr, '127.0.0.1');
    });

    it('should never send XCLIENT under Auto Map', async () => {
      await configure({ snatPool: 'AUTOMAP' }, {}, [postfixLike.port]);
      assert.equal(await relayOne(port, 'no xclient'), 250);

      assert.equal(postfixLike.messages.at(-1)?.xclientAddr, null);
    });
  });

  describe('when members fail', () => {
    it('should fail over to the next member when one is stopped', async () => {
      const live = await startBackend();
      const stopped = await startBackend();
      await stopped.stop();
      await configure({}, {}, [stopped.port, live.port]);

      for (let i = 0; i < 3; i += 1) assert.equal(await relayOne(port, 'failover'), 250);

      assert.equal(live.messages.length, 3);
      const members = worker.report().members;
      assert.equal(members.find((m) => m.port === stopped.port)?.status, 'down');
      assert.equal(members.find((m) => m.port === live.port)?.status, 'unchecked');
      await live.stop();
    });

    it('should answer 451 4.4.1 when no member can take the message', async () => {
      const first = await startBackend();
      const second = await startBackend();
      await first.stop();
      await second.stop();
      await configure({}, {}, [first.port, second.port]);
      const client = await openSession(port);

      const mail = await client.command('MAIL FROM:<s@example.com>');
      const rcpt = await client.command('RCPT TO:<r@example.org>');
      const data = await client.command('DATA');
      client.close();

      assert.equal(mail.code, 451);
      assert.match(mail.text, /^4\.4\.1 No mail server is available/);
      assert.equal(rcpt.code, 503);
      assert.equal(data.code, 503);
      assert.equal(first.messages.length + second.messages.length, 0);
    });

    it('should answer 451 4.4.2 when the member drops the connection during DATA', async () => {
      const dropper = await startDroppingMember();
      await configure({}, {}, [dropper.port]);
      const client = await openSession(port);

      await client.command('MAIL FROM:<s@example.com>');
      await client.command('RCPT TO:<r@example.org>');
      assert.equal((await client.command('DATA')).code, 354);
      await client.write(`Subject: big\r\n\r\n${'x'.repeat(200_000)}\r\n`);
      await client.write('.\r\n');
      const end = await client.read();
      const after = await client.command('NOOP');
      client.close();
      dropper.close();

      assert.equal(end.code, 451);
      assert.match(end.text, /^4\.4\.2 /);
      assert.equal(after.code, 250, 'the session goes on after the failed message');
    });
  });
});

/** A member that takes the envelope, then hangs up in the middle of the message. */
async function startDroppingMember(): Promise<{ port: number; close(): void }> {
  const server = net.createServer((socket) => {
    let isData = false;
    let received = 0;
    socket.write('220 dropper ESMTP\r\n');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (isData) {
        received += chunk.length;
        if (received > 10_000) socket.destroy();
        return;
      }
      for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
        if (line.startsWith('EHLO')) socket.write('250-dropper\r\n250 PIPELINING\r\n');
        else if (line === 'DATA') {
          isData = true;
          socket.write('354 go ahead\r\n');
        } else socket.write('250 2.0.0 Ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}
