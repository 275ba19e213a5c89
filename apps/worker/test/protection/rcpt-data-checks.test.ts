import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendOne, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RCPT checks', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  it('should refuse a domain not protected here with 550 5.7.1 and relay the rest', async () => {
    const port = await harness.serve(profileWith('closed_relay', { relay_denied: BLOCK }, {
      validation: { protectedDomains: ['protected.example', '.sub.example'] },
    }));

    const replies = await sendOne(port, {
      from: ALICE,
      to: [BOB, 'eve@elsewhere.example', 'carl@a.sub.example', 'postmaster'],
    });

    assert.deepEqual(replies.rcpts.map((reply) => reply.code), [250, 550, 250, 250]);
    await expectBlocked(harness, replies.rcpts[1], 550, '5.7.1', 'relay_denied');
    assert.equal(replies.end?.code, 250);
    // Only accepted recipients reach the member.
    assert.deepEqual(harness.backend.messages.at(-1)?.rcptTo, [
      BOB,
      'carl@a.sub.example',
      'postmaster',
    ]);
  });

  it('should relay to any domain and record it when relaying is only alarmed', async () => {
    const port = await harness.serve(profileWith('open_relay', { relay_denied: ALARM }, {
      validation: { protectedDomains: ['protected.example'] },
    }));
    const since = harness.api.violations.length;

    const replies = await sendOne(port, { from: ALICE, to: ['eve@elsewhere.example'] });

    assert.equal(replies.end?.code, 250);
    assert.deepEqual(harness.backend.messages.at(-1)?.rcptTo, ['eve@elsewhere.example']);
    const record = await expectAlarmed(harness, 'relay_denied', since);
    assert.equal(record.command, 'RCPT TO:<eve@elsewhere.example>');
  });

  it('should answer 452 4.5.3 past the recipient limit', async () => {
    const port = await harness.serve(profileWith('few', { too_many_recipients: BLOCK }, {
      validation: { maxRecipients: 2 },
    }));

    const replies = await sendOne(port, {
      from: ALICE,
      to: ['a@protected.example', 'b@protected.example', 'c@protected.example'],
    });

    assert.deepEqual(replies.rcpts.map((reply) => reply.code), [250, 250, 452]);
    const third = replies.rcpts[2];
    const record = await expectBlocked(harness, third, 452, '4.5.3', 'too_many_recipients');
    assert.deepEqual(record.rcptTo, ['a@protected.example', 'b@protected.example']);
    const relayed = harness.backend.messages.at(-1)?.rcptTo;
    assert.deepEqual(relayed, ['a@protected.example', 'b@protected.example']);
  });
});

describe('DATA checks', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker({ backend: { isCountingOnly: false } });
  });

  after(async () => {
    await harness.stop();
  });

  it('should stop a message over the limit, never finish it, and answer 552 after it', async () => {
    const port = await harness.serve(profileWith('size', { message_too_large: BLOCK }, {
      validation: { maxMessageBytes: 4096 },
    }));
    const connectionsBefore = harness.backend.connections;
    const before = harness.backend.messages.length;
    const client = await openSession(port);

    const replies = await sendTransaction(client, ALICE, [BOB], 'x'.repeat(20_000));
    const next = await client.command('NOOP');
    client.close();
    await sleep(50);

    await expectBlocked(harness, replies.end, 552, '5.3.4', 'message_too_large');
    assert.equal(next.code, 250, 'the session goes on');
    assert.equal(harness.backend.messages.length, before, 'the member took no message');
    const isBegun = harness.backend.connections > connectionsBefore;
    assert.ok(isBegun, 'the member had begun the transaction');
  });

  it('should relay a message over the limit and record it when only alarmed', async () => {
    const port = await harness.serve(profileWith('size_alarm', { message_too_large: ALARM }, {
      validation: { maxMessageBytes: 4096 },
    }));
    const since = harness.api.violations.length;

    const replies = await sendOne(port, {
      from: ALICE, to: [BOB], message: 'y'.repeat(20_000),
    });

    assert.equal(replies.end?.code, 250);
    assert.ok((harness.backend.messages.at(-1)?.data.length ?? 0) > 20_000);
    await expectAlarmed(harness, 'message_too_large', since);
  });
});
