import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_ZONE } from '../helpers/dns-zone.ts';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendOne, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

const SPF = ['spf_fail', 'spf_softfail', 'spf_temperror', 'spf_permerror'] as const;
const spfActions = (flags: typeof BLOCK) => Object.fromEntries(SPF.map((name) => [name, flags]));

describe('MAIL checks', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker({ zone: TEST_ZONE });
  });

  after(async () => {
    await harness.stop();
  });

  describe('disallowed sender', () => {
    const listed = profileWith('senders', { disallowed_sender: BLOCK }, {
      validation: {
        disallowedSenders: [
          'spam@sender.example', '@fail.example', '127.0.0.2', '.dynamic.example',
        ],
      },
    });

    for (const [label, from, local] of [
      ['by address', 'spam@sender.example', '127.0.0.1'],
      ['by domain', 'anyone@fail.example', '127.0.0.1'],
      ['by client network', ALICE, '127.0.0.2'],
      ['by reverse-DNS name', ALICE, '127.0.0.3'],
    ] as const) {
      it(`should refuse a sender listed ${label} with 550 5.7.1`, async () => {
        const port = await harness.serve(listed);
        const before = harness.backend.messages.length;

        const replies = await sendOne(port, { from, to: [BOB], local });

        const mail = replies.mail;
        const record = await expectBlocked(harness, mail, 550, '5.7.1', 'disallowed_sender');
        assert.equal(record.mailFrom, from);
        assert.equal(record.clientAddress, local);
        assert.equal(harness.backend.messages.length, before, 'the member got nothing');
      });
    }

    it('should let a listed sender through and record it when only alarmed', async () => {
      const port = await harness.serve(profileWith('senders_alarm', { disallowed_sender: ALARM }, {
        validation: { disallowedSenders: ['spam@sender.example'] },
      }));
      const since = harness.api.violations.length;

      const replies = await sendOne(port, { from: 'spam@sender.example', to: [BOB] });

      assert.equal(replies.end?.code, 250);
      assert.equal(harness.backend.messages.at(-1)?.mailFrom, 'spam@sender.example');
      await expectAlarmed(harness, 'disallowed_sender', since);
    });
  });

  describe('sender domain', () => {
    const resolvable = profileWith('resolvable', { sender_domain_unresolvable: BLOCK }, {
      spf: { dnsTimeoutMs: 200 },
    });

    it('should refuse a sender domain without MX or A with 550 5.1.8', async () => {
      const port = await harness.serve(resolvable);
      const before = harness.backend.messages.length;

      for (const from of ['alice@nowhere.example', 'alice@nullmx.example']) {
        const replies = await sendOne(port, { from, to: [BOB] });
        await expectBlocked(harness, replies.mail, 550, '5.1.8', 'sender_domain_unresolvable');
      }
      assert.equal(harness.backend.messages.length, before);
    });

    it('should answer 451 4.4.3 and record nothing when DNS does not answer', async () => {
      const port = await harness.serve(resolvable);
      const since = harness.api.violations.length;

      const replies = await sendOne(port, { from: 'alice@slow.example', to: [BOB] });

      assert.equal(replies.mail.code, 451);
      assert.match(replies.mail.text, /^4\.4\.3 /);
      assert.doesNotMatch(replies.mail.text, /Support ID/);
      assert.equal((await harness.settledViolations()).length, since);
    });

    it('should accept a domain with an MX', async () => {
      const port = await harness.serve(resolvable);

      const replies = await sendOne(port, { from: ALICE, to: [BOB] });

      assert.equal(replies.end?.code, 250);
    });
  });

  describe('SPF', () => {
    const spf = profileWith('spf', spfActions(BLOCK), { spf: { dnsTimeoutMs: 200 } });

    for (const [result, from, code, enhanced] of [
      ['fail', 'alice@fail.example', 550, '5.7.23'],
      ['softfail', 'alice@soft.example', 550, '5.7.23'],
      ['permerror', 'alice@perm.example', 550, '5.7.24'],
      ['temperror', 'alice@temp.example', 451, '4.7.24'],
    ] as const) {
      it(`should refuse SPF ${result} with ${code} ${enhanced}`, async () => {
        const port = await harness.serve(spf);
        const before = harness.backend.messages.length;

        const replies = await sendOne(port, { from, to: [BOB] });

        const record = await expectBlocked(harness, replies.mail, code, enhanced, `spf_${result}`);
        assert.match(record.details?.note ?? '', new RegExp(`SPF ${result}`));
        assert.equal(harness.backend.messages.length, before);
      });
    }

    it('should check the HELO name for the null sender', async () => {
      const port = await harness.serve(spf);

      const refused = await sendOne(port, { from: '', to: [BOB], helo: 'badhelo.example' });
      const passed = await sendOne(port, { from: '', to: [BOB], helo: 'goodhelo.example' });

      const record = await expectBlocked(harness, refused.mail, 550, '5.7.23', 'spf_fail');
      assert.equal(record.mailFrom, '<>');
      assert.equal(passed.end?.code, 250);
      assert.match(harness.backend.messages.at(-1)?.data.toString() ?? '', /^Received-SPF: pass /);
    });

    it('should put Received-SPF above the Received header of a passed message', async () => {
      const port = await harness.serve(spf);

      const replies = await sendOne(port, { from: ALICE, to: [BOB] });

      assert.equal(replies.end?.code, 250);
      const lines = harness.backend.messages.at(-1)?.data.toString().split('\r\n') ?? [];
      assert.match(lines[0] ?? '', /^Received-SPF: pass \(gw\.portcullis\.test: /);
      const received = lines.findIndex((line) => line.startsWith('Received: from client.test'));
      assert.ok(received > 0, 'Received follows Received-SPF');
      assert.ok(lines.slice(1, received).every((line) => /^[ \t]/.test(line)), 'folded lines only');
    });

    it('should relay an SPF fail and record it when only alarmed', async () => {
      const port = await harness.serve(profileWith('spf_alarm', spfActions(ALARM)));
      const since = harness.api.violations.length;

      const replies = await sendOne(port, { from: 'alice@fail.example', to: [BOB] });

      assert.equal(replies.end?.code, 250);
      assert.match(harness.backend.messages.at(-1)?.data.toString() ?? '', /^Received-SPF: fail /);
      await expectAlarmed(harness, 'spf_fail', since);
    });
  });

  describe('declared size', () => {
    const small = profileWith('small', { message_too_large: BLOCK }, {
      validation: { maxMessageBytes: 2048 },
    });

    it('should offer the profile\'s limit and refuse SIZE= over it with 552 5.3.4', async () => {
      const port = await harness.serve(small);
      const client = await openSession(port);
      const ehlo = await client.command('EHLO client.test');

      const replies = await sendTransaction(client, ALICE, [BOB], 'x', ' SIZE=4096');
      const fits = await sendTransaction(client, ALICE, [BOB], 'x', ' SIZE=100');
      client.close();

      assert.match(ehlo.text, /\nSIZE 2048(\n|$)/);
      await expectBlocked(harness, replies.mail, 552, '5.3.4', 'message_too_large');
      assert.equal(fits.end?.code, 250);
    });

    it('should take a SIZE= over the limit when only alarmed', async () => {
      const port = await harness.serve(profileWith('small_alarm', { message_too_large: ALARM }, {
        validation: { maxMessageBytes: 2048 },
      }));
      const since = harness.api.violations.length;
      const client = await openSession(port);

      const replies = await sendTransaction(client, ALICE, [BOB], 'x', ' SIZE=4096');
      client.close();

      assert.equal(replies.end?.code, 250);
      await expectAlarmed(harness, 'message_too_large', since);
    });
  });
});
