// Protocol compliance of message data: only CRLF.CRLF ever ends it (no smuggling), bare
// line endings, text lines over the limit, 8-bit data not declared.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { BOB } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession, type RawSmtpClient, type TReply } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RECEIVED = /^Received: [^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*/;

/** MAIL, RCPT, DATA, then the raw bytes as given, in pieces; the reply to the data. */
async function sendRaw(
  client: RawSmtpClient,
  pieces: Array<string | Buffer>,
  mailParameters = '',
): Promise<TReply> {
  await client.command(`MAIL FROM:<alice@sender.example>${mailParameters}`);
  await client.command('RCPT TO:<bob@protected.example>');
  const data = await client.command('DATA');
  assert.equal(data.code, 354);
  for (const piece of pieces) {
    await client.write(piece);
    await sleep(5);
  }

  return client.read();
}

const relayedBody = (harness: THarness) =>
  harness.backend.messages.at(-1)?.data.toString('latin1').replace(RECEIVED, '');

describe('protocol compliance of message data', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  describe('smuggling', () => {
    const smuggled = [
      'Subject: one\r\n\r\nfirst\n.\nMAIL FROM:<evil@attacker.example>\n' +
        'RCPT TO:<victim@protected.example>\nDATA\nSubject: two\n',
      '\r\nsecond\r.\r\nMAIL FROM:<evil@attacker.example>\r\n',
      'third\r\n.\nRSET\n',
      'last\r\n.\r\n',
    ];

    it('should end data only at CRLF.CRLF, refuse bare line endings with 500 5.5.2', async () => {
      const port = await harness.serve(profileWith('bare', { rfc_bare_line_ending: BLOCK }));
      const before = harness.backend.messages.length;
      const client = await openSession(port);

      const end = await sendRaw(client, smuggled);
      const next = await client.command('NOOP');
      client.close();
      await sleep(50);

      assert.equal(next.code, 250, 'the smuggled commands were never commands');
      await expectBlocked(harness, end, 500, '5.5.2', 'rfc_bare_line_ending');
      assert.equal(harness.backend.messages.length, before, 'the member got nothing');
    });

    it('should relay one message with every bare ending made CRLF when only alarmed', async () => {
      const port = await harness.serve(profileWith('bare_alarm', { rfc_bare_line_ending: ALARM }));
      const before = harness.backend.messages.length;
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const end = await sendRaw(client, smuggled);
      client.close();
      await sleep(50);

      assert.equal(end.code, 250);
      assert.equal(harness.backend.messages.length, before + 1, 'one message, not two');
      const message = harness.backend.messages.at(-1);
      assert.deepEqual(message?.rcptTo, [BOB]);
      // The member unstuffed our doubled dots: the lone dots are text lines of the message.
      assert.equal(
        relayedBody(harness),
        'Subject: one\r\n\r\nfirst\r\n.\r\nMAIL FROM:<evil@attacker.example>\r\n' +
          'RCPT TO:<victim@protected.example>\r\nDATA\r\nSubject: two\r\n\r\nsecond\r\n.\r\n' +
          'MAIL FROM:<evil@attacker.example>\r\nthird\r\n.\r\nRSET\r\nlast\r\n',
      );
      await expectAlarmed(harness, 'rfc_bare_line_ending', since);
    });

    it('should judge a CR and an LF split over two segments as the CRLF they are', async () => {
      const port = await harness.serve(profileWith('bare', { rfc_bare_line_ending: BLOCK }));
      const client = await openSession(port);

      const end = await sendRaw(client, ['Subject: split\r', '\n\r\nbody\r', '\n.\r', '\n']);
      client.close();

      assert.equal(end.code, 250);
      assert.equal(relayedBody(harness), 'Subject: split\r\n\r\nbody\r\n');
    });
  });

  describe('text lines', () => {
    it('should refuse a text line over 1000 octets with 500 5.5.2 after the data', async () => {
      const port = await harness.serve(profileWith('lines', { rfc_line_length: BLOCK }));
      const before = harness.backend.messages.length;
      const client = await openSession(port);
      const fits = `${'a'.repeat(998)}\r\n`;

      const ok = await sendRaw(client, [`Subject: fits\r\n\r\n${fits}.\r\n`]);
      const pieces = [`Subject: long\r\n\r\n${'b'.repeat(700)}`, `${'c'.repeat(400)}\r\n.\r\n`];
      const end = await sendRaw(client, pieces);
      client.close();

      assert.equal(ok.code, 250);
      const record = await expectBlocked(harness, end, 500, '5.5.2', 'rfc_line_length');
      const near = /over 1000 octets near byte (\d+)/.exec(record.details?.note ?? '')?.[1];
      assert.ok(near, record.details?.note);
      // The record points at the long line, not at the end of what had arrived.
      assert.ok(record.command.startsWith(`(message data, byte ${near}) `), record.command);
      assert.equal(harness.backend.messages.length, before + 1);
    });

    it('should relay a long line and record it when only alarmed', async () => {
      const port = await harness.serve(profileWith('lines_alarm', { rfc_line_length: ALARM }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const end = await sendRaw(client, [`Subject: long\r\n\r\n${'d'.repeat(5000)}\r\n.\r\n`]);
      client.close();

      assert.equal(end.code, 250);
      assert.equal(relayedBody(harness), `Subject: long\r\n\r\n${'d'.repeat(5000)}\r\n`);
      await expectAlarmed(harness, 'rfc_line_length', since);
    });
  });

  describe('8-bit data', () => {
    const eightBit = Buffer.concat([
      Buffer.from('Subject: caf'),
      Buffer.from([0xc3, 0xa9]),
      Buffer.from('\r\n\r\nbody\r\n.\r\n'),
    ]);

    it('should refuse 8-bit data without BODY=8BITMIME with 550 5.6.0, take it with', async () => {
      const port = await harness.serve(profileWith('eight', { rfc_undeclared_8bit: BLOCK }));
      const before = harness.backend.messages.length;
      const client = await openSession(port);

      const undeclared = await sendRaw(client, [eightBit]);
      const declared = await sendRaw(client, [eightBit], ' BODY=8BITMIME');
      client.close();

      await expectBlocked(harness, undeclared, 550, '5.6.0', 'rfc_undeclared_8bit');
      assert.equal(declared.code, 250);
      assert.equal(harness.backend.messages.length, before + 1);
    });

    it('should relay undeclared 8-bit data and record it when only alarmed', async () => {
      const port = await harness.serve(profileWith('eight_alarm', { rfc_undeclared_8bit: ALARM }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const end = await sendRaw(client, [eightBit]);
      client.close();

      assert.equal(end.code, 250);
      await expectAlarmed(harness, 'rfc_undeclared_8bit', since);
    });
  });
});
