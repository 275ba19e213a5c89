// Protocol compliance (RFC 5321) on command lines, sent byte for byte on a raw socket.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession, RawSmtpClient } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('protocol compliance of commands', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  describe('bad command syntax', () => {
    for (const line of [
      'MAIL FROM alice@sender.example',
      'MAIL FROM:alice@sender.example',
      'MAIL FROM:<alice@@sender.example>',
      'MAIL FROM:<alice@sender.example> SIZE=',
      'MAIL FROM:<alice@sender..example>',
      'MAIL FROM:<alice@sender.example> =1',
    ]) {
      it(`should refuse "${line}" with 501 5.5.2`, async () => {
        const port = await harness.serve(profileWith('syntax', { rfc_syntax: BLOCK }));
        const client = await openSession(port);

        const reply = await client.command(line);
        const next = await client.command('MAIL FROM:<alice@sender.example>');
        client.close();

        const record = await expectBlocked(harness, reply, 501, '5.5.2', 'rfc_syntax');
        assert.equal(record.command, line);
        assert.equal(next.code, 250, 'a well-formed command goes on');
      });
    }

    it('should accept the common liberties and the forms RFC 5321 requires', async () => {
      const port = await harness.serve(profileWith('syntax', { rfc_syntax: BLOCK }));
      const client = await openSession(port);

      const replies = [
        await client.command('MAIL FROM: <alice@sender.example> BODY=8BITMIME SIZE=100'),
        await client.command('RCPT TO:<@relay.example:bob@protected.example>'),
        await client.command('RCPT TO:<"bob.o\\"x"@protected.example>'),
        await client.command('RCPT TO:<postmaster>'),
        await client.command('RCPT TO:<bob@[192.0.2.1]>'),
        await client.command('RSET'),
        await client.command('MAIL FROM:<>'),
      ];
      client.close();

      assert.deepEqual(replies.map((reply) => reply.code), [250, 250, 250, 250, 250, 250, 250]);
    });

    it('should record a syntax error the gateway can still carry out and go on', async () => {
      const port = await harness.serve(profileWith('syntax_alarm', { rfc_syntax: ALARM }));
      const since = harness.api.violations.length;
      const client = await openSession(port);
      await client.command('MAIL FROM:<alice@sender.example>');
      await client.command('RCPT TO:<bob@protected.example>');

      const data = await client.command('DATA now');
      await client.write('Subject: lax\r\n\r\nbody\r\n.\r\n');
      const end = await client.read();
      client.close();

      assert.equal(data.code, 354);
      assert.equal(end.code, 250);
      const record = await expectAlarmed(harness, 'rfc_syntax', since);
      assert.equal(record.command, 'DATA now');
    });
  });

  describe('commands out of sequence', () => {
    for (const [label, setup, line] of [
      ['RCPT before MAIL', [], 'RCPT TO:<bob@protected.example>'],
      ['DATA before RCPT', ['MAIL FROM:<alice@sender.example>'], 'DATA'],
      ['DATA before MAIL', [], 'DATA'],
    ] as const) {
      it(`should refuse ${label} with 503 5.5.1`, async () => {
        const port = await harness.serve(profileWith('sequence', { rfc_sequence: BLOCK }));
        const client = await openSession(port);
        for (const command of setup) await client.command(command);

        const reply = await client.command(line);
        client.close();

        await expectBlocked(harness, reply, 503, '5.5.1', 'rfc_sequence');
      });
    }

    it('should refuse MAIL before HELO or EHLO with 503 5.5.1', async () => {
      const port = await harness.serve(profileWith('sequence', { rfc_sequence: BLOCK }));
      const client = await RawSmtpClient.connect(port);
      await client.read();

      const reply = await client.command('MAIL FROM:<alice@sender.example>');
      client.close();

      await expectBlocked(harness, reply, 503, '5.5.1', 'rfc_sequence');
    });

    it('should not blame a pipelining client for RCPT and DATA after a refused MAIL', async () => {
      const port = await harness.serve(profileWith('sequence_pipe', {
        rfc_sequence: BLOCK, disallowed_sender: BLOCK,
      }, { validation: { disallowedSenders: ['@spam.example'] } }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      await client.write(`MAIL FROM:<x@spam.example>\r\nRCPT TO:<${BOB}>\r\nDATA\r\n`);
      const replies = [await client.read(), await client.read(), await client.read()];
      client.close();

      assert.deepEqual(replies.map((reply) => reply.code), [550, 503, 503]);
      const records = (await harness.settledViolations()).slice(since);
      const violations = records.map((record) => record.violation);
      assert.deepEqual(violations, ['disallowed_sender']);
    });

    it('should record RCPT before MAIL and let smtp-server answer when only alarmed', async () => {
      const port = await harness.serve(profileWith('sequence_alarm', { rfc_sequence: ALARM }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const reply = await client.command('RCPT TO:<bob@protected.example>');
      client.close();

      assert.equal(reply.code, 503);
      assert.doesNotMatch(reply.text, /Support ID/);
      await expectAlarmed(harness, 'rfc_sequence', since);
    });
  });

  describe('over-long command lines', () => {
    const long = `MAIL FROM:<${'a'.repeat(60)}@${'b'.repeat(500)}.example>`;

    it('should refuse a command line over 512 octets with 500 5.5.2', async () => {
      const port = await harness.serve(profileWith('lines', { rfc_line_length: BLOCK }));
      const client = await openSession(port);
      const exactly512 = `NOOP ${'x'.repeat(512 - 'NOOP '.length - 2)}`;

      const fits = await client.command(exactly512);
      const reply = await client.command(long);
      client.close();

      assert.equal(fits.code, 250);
      const record = await expectBlocked(harness, reply, 500, '5.5.2', 'rfc_line_length');
      assert.match(record.details?.note ?? '', /command line of 583 octets, limit 512/);
    });

    // smtp-server's parser takes 16 KiB a line; past that it would close with its own 421.
    const huge = `NOOP ${'x'.repeat(20_000)}`;

    it('should refuse a line past the parser\'s limit with 500 5.5.2 and go on', async () => {
      const port = await harness.serve(profileWith('huge_lines', { rfc_line_length: BLOCK }));
      const client = await openSession(port);

      await client.write(`${huge}\r\nNOOP\r\n`);
      const reply = await client.read();
      const next = await client.read();
      const after = await client.command('MAIL FROM:<alice@sender.example>');
      client.close();

      const record = await expectBlocked(harness, reply, 500, '5.5.2', 'rfc_line_length');
      assert.match(record.details?.note ?? '', /command line of 20007 octets, limit 512/);
      assert.match(record.command, /^NOOP x{100}/);
      assert.deepEqual([next.code, after.code], [250, 250], 'the pipelined NOOP and more go on');
    });

    it('should discard the rest of a huge line arriving in pieces, up to its LF', async () => {
      const port = await harness.serve(profileWith('huge_pieces', { rfc_line_length: BLOCK }));
      const client = await openSession(port);

      await client.write(`MAIL FROM:<${'a'.repeat(12_000)}`);
      await sleep(20);
      await client.write('b'.repeat(12_000));
      await sleep(20);
      await client.write('@sender.example>\r\n');
      const reply = await client.read();
      const next = await client.command('MAIL FROM:<alice@sender.example>');
      client.close();

      const record = await expectBlocked(harness, reply, 500, '5.5.2', 'rfc_line_length');
      assert.match(record.details?.note ?? '', /command line of 24029 octets/);
      assert.equal(next.code, 250, 'the cut line was not taken as MAIL');
    });

    it('should still refuse a huge line, without a Support ID, when only alarmed', async () => {
      const port = await harness.serve(profileWith('huge_alarm', { rfc_line_length: ALARM }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const reply = await client.command(huge);
      const next = await client.command('NOOP');
      client.close();

      assert.equal(reply.code, 500);
      assert.equal(reply.text, '5.5.2 Line too long');
      assert.equal(next.code, 250);
      await expectAlarmed(harness, 'rfc_line_length', since);
    });

    it('should take the profile\'s own limit', async () => {
      const port = await harness.serve(profileWith('long_lines', { rfc_line_length: BLOCK }, {
        compliance: { maxCommandLineOctets: 1024 },
      }));
      const client = await openSession(port);

      const reply = await client.command(`NOOP ${'x'.repeat(900)}`);
      client.close();

      assert.equal(reply.code, 250);
    });
  });

  describe('bare CR and LF in commands', () => {
    for (const [label, bytes] of [
      ['a bare LF', 'NOOP\n'],
      ['a bare CR', 'NO\rOP\r\n'],
    ] as const) {
      it(`should refuse a command with ${label} with 500 5.5.2`, async () => {
        const port = await harness.serve(profileWith('bare', { rfc_bare_line_ending: BLOCK }));
        const client = await openSession(port);

        await client.write(bytes);
        const reply = await client.read();
        const next = await client.command('NOOP');
        client.close();

        const record = await expectBlocked(harness, reply, 500, '5.5.2', 'rfc_bare_line_ending');
        assert.match(record.command, /NO(<CR>)?OP/);
        assert.equal(next.code, 250);
      });
    }

    it('should carry out a bare-LF command and record it when only alarmed', async () => {
      const port = await harness.serve(profileWith('bare_alarm', { rfc_bare_line_ending: ALARM }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      await client.write('MAIL FROM:<alice@sender.example>\n');
      const reply = await client.read();
      client.close();

      assert.equal(reply.code, 250);
      await expectAlarmed(harness, 'rfc_bare_line_ending', since);
    });
  });

  describe('unknown commands', () => {
    it('should refuse an unknown command with 500 5.5.1', async () => {
      const port = await harness.serve(profileWith('unknown', { rfc_unknown_command: BLOCK }));
      const client = await openSession(port);

      const reply = await client.command('XYZZY plugh');
      const auth = await client.command('AUTH PLAIN AGdhdGU=');
      client.close();

      await expectBlocked(harness, reply, 500, '5.5.1', 'rfc_unknown_command');
      await expectBlocked(harness, auth, 500, '5.5.1', 'rfc_unknown_command');
    });

    it('should keep AUTH credentials out of the records and transcripts', async () => {
      const port = await harness.serve(profileWith('no_auth', { rfc_unknown_command: BLOCK }));
      const client = await openSession(port);

      const lines = ['AUTH PLAIN AGFsaWNlAHB3', 'AUTH LOGIN', 'YWxpY2U=', 'UzNjcjN0LVBhc3N3MHJk'];
      const replies = [];
      for (const line of lines) replies.push(await client.command(line));
      const noop = await client.command('NOOP');
      client.close();

      const records = [];
      for (const reply of replies) {
        records.push(await expectBlocked(harness, reply, 500, '5.5.1', 'rfc_unknown_command'));
      }
      assert.deepEqual(records.map((record) => record.command), [
        'AUTH PLAIN <credentials hidden>',
        'AUTH LOGIN',
        '<credentials hidden>',
        '<credentials hidden>',
      ]);
      const everything = JSON.stringify(records);
      for (const secret of ['AGFsaWNlAHB3', 'YWxpY2U', 'UzNjcjN0LVBhc3N3MHJk']) {
        assert.ok(!everything.includes(secret), `${secret} is nowhere in the records`);
      }
      assert.equal(noop.code, 250);
    });

    it('should record an unknown command, smtp-server answering, when only alarmed', async () => {
      const profile = profileWith('unknown_alarm', { rfc_unknown_command: ALARM });
      const port = await harness.serve(profile);
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const reply = await client.command('XYZZY');
      client.close();

      assert.equal(reply.code, 500);
      assert.doesNotMatch(reply.text, /Support ID/);
      await expectAlarmed(harness, 'rfc_unknown_command', since);
    });

    it('should close a session after 20 refused commands with 421 4.7.0', async () => {
      const port = await harness.serve(profileWith('unknown', { rfc_unknown_command: BLOCK }));
      const client = await openSession(port);

      const codes: number[] = [];
      for (let i = 0; i < 20; i += 1) codes.push((await client.command(`BOGUS${i}`)).code);
      await sleep(50);

      assert.deepEqual(codes, [...Array(19).fill(500), 421]);
      assert.ok(client.isClosed);
    });
  });

  describe('talking before the greeting', () => {
    it('should answer an early talker 554 for a greeting, then 503 to all but QUIT', async () => {
      const port = await harness.serve(profileWith('early', { rfc_early_talker: BLOCK }, {
        compliance: { greetingDelayMs: 200 },
      }));
      const before = harness.backend.messages.length;
      const client = await RawSmtpClient.connect(port);

      await client.write('EHLO early.example\r\n');
      const greeting = await client.read();
      const ehlo = await client.read();
      const mail = await client.command('MAIL FROM:<alice@sender.example>');
      const quit = await client.command('QUIT');
      client.close();

      // RFC 5321 3.1: 554 may stand in for the 220; no enhanced code before EHLO.
      const record = await expectBlocked(harness, greeting, 554, null, 'rfc_early_talker');
      assert.equal(record.command, 'EHLO early.example');
      assert.deepEqual([ehlo.code, mail.code, quit.code], [503, 503, 221]);
      assert.equal(harness.backend.messages.length, before);
    });

    it('should greet an early talker and answer what it sent when only alarmed', async () => {
      const port = await harness.serve(profileWith('early_alarm', { rfc_early_talker: ALARM }, {
        compliance: { greetingDelayMs: 200 },
      }));
      const since = harness.api.violations.length;
      const client = await RawSmtpClient.connect(port);

      await client.write('EHLO early.example\r\n');
      const greeting = await client.read();
      const ehlo = await client.read();
      const replies = await sendTransaction(client, ALICE, [BOB]);
      client.close();

      assert.equal(greeting.code, 220);
      assert.equal(ehlo.code, 250);
      assert.equal(replies.end?.code, 250);
      await expectAlarmed(harness, 'rfc_early_talker', since);
    });

    it('should lose nothing of a whole message sent before the greeting', async () => {
      const port = await harness.serve(profileWith('early_flood', { rfc_early_talker: ALARM }, {
        compliance: { greetingDelayMs: 300 },
      }));
      const before = harness.backend.messages.length;
      const body = Array.from({ length: 1000 }, (_, line) => `line ${line} ${'x'.repeat(70)}`);
      const client = await RawSmtpClient.connect(port);

      // 80 KB, far past what is held unread before the greeting: the socket waits instead.
      await client.write(
        'EHLO early.example\r\nMAIL FROM:<alice@sender.example>\r\n' +
          'RCPT TO:<bob@protected.example>\r\nDATA\r\n' +
          `Subject: early\r\n\r\n${body.join('\r\n')}\r\n.\r\nQUIT\r\n`,
      );
      const replies = [];
      for (let i = 0; i < 7; i += 1) replies.push((await client.read()).code);
      client.close();

      assert.deepEqual(replies, [220, 250, 250, 250, 354, 250, 221]);
      const relayed = harness.backend.messages.at(before)?.data.toString() ?? '';
      assert.ok(relayed.endsWith(`${body.join('\r\n')}\r\n`), 'every line relayed');
    });
  });

  describe('pipelining not offered', () => {
    const strict = profileWith('pipelining', { rfc_unauthorized_pipelining: BLOCK });

    it('should refuse a command sent behind another after HELO with 503 5.5.1', async () => {
      const port = await harness.serve(strict);
      const client = await RawSmtpClient.connect(port);
      await client.read();
      await client.command('HELO client.test');

      await client.write('MAIL FROM:<alice@sender.example>\r\nRCPT TO:<bob@protected.example>\r\n');
      const mail = await client.read();
      const rcpt = await client.read();
      client.close();

      assert.equal(mail.code, 250);
      const violation = 'rfc_unauthorized_pipelining';
      const record = await expectBlocked(harness, rcpt, 503, '5.5.1', violation);
      assert.match(record.details?.note ?? '', /without PIPELINING offered/);
    });

    it('should take a pipelined group after EHLO, refuse what follows a group\'s end', async () => {
      const port = await harness.serve(strict);
      const client = await openSession(port);

      await client.write(`MAIL FROM:<${ALICE}>\r\nRCPT TO:<${BOB}>\r\nDATA\r\n`);
      const group = [await client.read(), await client.read(), await client.read()];
      await client.write('Subject: piped\r\n\r\nbody\r\n.\r\nNOOP\r\nRSET\r\n');
      const afterData = [await client.read(), await client.read(), await client.read()];
      client.close();

      assert.deepEqual(group.map((reply) => reply.code), [250, 250, 354]);
      assert.deepEqual(afterData.map((reply) => reply.code), [250, 250, 503]);
      await expectBlocked(harness, afterData[2], 503, '5.5.1', 'rfc_unauthorized_pipelining');
    });

    it('should refuse a message sent before the 354, after draining it', async () => {
      const port = await harness.serve(strict);
      const before = harness.backend.messages.length;
      const client = await openSession(port);
      await client.command('MAIL FROM:<alice@sender.example>');
      await client.command('RCPT TO:<bob@protected.example>');

      await client.write('DATA\r\nSubject: eager\r\n\r\nbody\r\n.\r\n');
      const data = await client.read();
      const end = await client.read();
      const next = await client.command('NOOP');
      client.close();

      assert.equal(data.code, 354);
      await expectBlocked(harness, end, 503, '5.5.1', 'rfc_unauthorized_pipelining');
      assert.equal(next.code, 250);
      await sleep(50);
      assert.equal(harness.backend.messages.length, before);
    });

    it('should record pipelining and carry the commands out when only alarmed', async () => {
      const profile = profileWith('pipelining_alarm', { rfc_unauthorized_pipelining: ALARM });
      const port = await harness.serve(profile);
      const since = harness.api.violations.length;
      const client = await RawSmtpClient.connect(port);
      await client.read();

      await client.write('HELO client.test\r\nMAIL FROM:<alice@sender.example>\r\n');
      const replies = [await client.read(), await client.read()];
      client.close();

      assert.deepEqual(replies.map((reply) => reply.code), [250, 250]);
      await expectAlarmed(harness, 'rfc_unauthorized_pipelining', since);
    });
  });
});

describe('a flood of alarm-only findings', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  it('should be recorded a few times per session, the rest only counted', async () => {
    const profile = profileWith('pipelining_flood', { rfc_unauthorized_pipelining: ALARM });
    const port = await harness.serve(profile);
    const client = await RawSmtpClient.connect(port);
    await client.read();
    await client.write('HELO client.test\r\n');
    await client.read();

    await client.write('NOOP\r\n'.repeat(200));
    for (let i = 0; i < 200; i += 1) assert.equal((await client.read()).code, 250);
    client.close();
    // Traffic goes out by the minute, and all of it when the worker stops.
    await harness.worker.stop();

    const records = harness.api.violations
      .filter((record) => record.violation === 'rfc_unauthorized_pipelining');
    assert.equal(records.length, 5);
    assert.match(records.at(-1)?.details?.note ?? '', /the last record of this violation/);
    const alarmed = harness.api.traffic
      .filter((row) => row.securityProfile === 'pipelining_flood')
      .reduce((sum, row) => sum + row.alarmed, 0);
    assert.equal(alarmed, 199, 'every pipelined NOOP but the first counted');
  });
});
