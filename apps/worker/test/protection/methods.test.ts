// Disallowed methods: the profile's disallowed list (VRFY, EXPN, ETRN by default) and its
// allowed list, matched however the client spells the command.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

describe('disallowed methods', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  it('should refuse the default list however it is spelled, with 502 5.5.1', async () => {
    const port = await harness.serve(profileWith('methods', { disallowed_method: BLOCK }));
    const client = await openSession(port);

    const replies = [];
    const spellings = [
      'VRFY bob', 'vrfy bob', 'Vrfy   bob', 'VRFY', 'VRFY ', 'VRFY\tbob',
      'EXPN staff', 'etrn example.org',
      // Recorded as the UTF-8 the client sent, not read octet by octet.
      'EXPN café',
    ];
    for (const line of spellings) {
      replies.push({ line, reply: await client.command(line) });
    }
    const mail = await sendTransaction(client, ALICE, [BOB]);
    client.close();

    for (const { line, reply } of replies) {
      const record = await expectBlocked(harness, reply, 502, '5.5.1', 'disallowed_method');
      assert.equal(record.command, line.replace('\t', '<TAB>'));
    }
    assert.equal(mail.end?.code, 250, 'the session goes on');
  });

  it('should answer VRFY and EXPN with the harmless 252 when only alarmed', async () => {
    const port = await harness.serve(profileWith('methods_alarm', { disallowed_method: ALARM }));
    const since = harness.api.violations.length;
    const client = await openSession(port);

    const vrfy = await client.command('VRFY bob@protected.example');
    const expn = await client.command('EXPN staff');
    client.close();

    // RFC 5321 3.5.3: 252, nothing verified or expanded (no lookup is ever made).
    assert.equal(vrfy.code, 252);
    assert.equal(expn.code, 252);
    assert.doesNotMatch(`${vrfy.text}${expn.text}`, /bob|staff/);
    await expectAlarmed(harness, 'disallowed_method', since);
  });

  it('should refuse anything off a non-empty allowed list', async () => {
    const port = await harness.serve(profileWith('allowed', { disallowed_method: BLOCK }, {
      methods: { disallowed: [], allowed: ['HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'QUIT'] },
    }));
    const client = await openSession(port);

    const noop = await client.command('NOOP');
    const rset = await client.command('rset');
    const mail = await sendTransaction(client, ALICE, [BOB]);
    client.close();

    await expectBlocked(harness, noop, 502, '5.5.1', 'disallowed_method');
    await expectBlocked(harness, rset, 502, '5.5.1', 'disallowed_method');
    assert.equal(mail.end?.code, 250);
  });

  it('should not check methods when the profile neither alarms nor blocks', async () => {
    const port = await harness.serve(profileWith('methods_off', {}));
    const since = harness.api.violations.length;
    const client = await openSession(port);

    const vrfy = await client.command('VRFY bob');
    client.close();

    assert.equal(vrfy.code, 252);
    assert.equal((await harness.settledViolations()).length, since);
  });
});
