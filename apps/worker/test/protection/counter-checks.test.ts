// The checks that keep counters (rate limits, greylisting, harvest), once with each store
// the worker can run on: memory, and Redis on REDIS_URL under a prefix of the test's own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestStore, type TTestStore } from '../helpers/counter-stores.ts';
import { TEST_ZONE } from '../helpers/dns-zone.ts';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendOne, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession, RawSmtpClient } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const GHOSTS = ['ghost1@protected.example', 'ghost2@protected.example', 'ghost3@protected.example'];

for (const kind of ['memory', 'redis'] as const) {
  describe(`counter checks with the ${kind} store`, () => {
    let harness: THarness;
    let testStore: TTestStore;

    before(async () => {
      testStore = createTestStore(kind);
      harness = await startProtectedWorker({
        zone: TEST_ZONE,
        counterStore: testStore.store,
        backend: { unknownRecipients: GHOSTS },
      });
    });

    after(async () => {
      await harness.stop();
      if (kind === 'redis') assert.ok(testStore.redisKeys() > 0, 'the counters were in Redis');
      await testStore.dispose();
    });

    it('should close on the client past its messages per minute with 421 4.7.0', async () => {
      const port = await harness.serve(profileWith('client_rate', { rate_limit_client: BLOCK }, {
        rateLimits: { messagesPerMinutePerClient: 2 },
      }));
      const send = () => sendOne(port, { from: ALICE, to: [BOB], local: '127.0.0.10' });
      const before = harness.backend.messages.length;

      const first = await send();
      const second = await send();
      const third = await send();

      assert.deepEqual([first.end?.code, second.end?.code], [250, 250]);
      await expectBlocked(harness, third.mail, 421, '4.7.0', 'rate_limit_client');
      assert.equal(harness.backend.messages.length, before + 2);
      const other = await sendOne(port, { from: ALICE, to: [BOB], local: '127.0.0.11' });
      assert.equal(other.end?.code, 250, 'another client is not limited');
    });

    it('should refuse the sender past its messages per minute with 451 4.7.0', async () => {
      const port = await harness.serve(profileWith('sender_rate', { rate_limit_sender: BLOCK }, {
        rateLimits: { messagesPerMinutePerSender: 1 },
      }));
      const client = await openSession(port, 'client.test', '127.0.0.1', '127.0.0.12');

      const first = await sendTransaction(client, 'carol@sender.example', [BOB]);
      const second = await sendTransaction(client, 'carol@sender.example', [BOB]);
      const otherSender = await sendTransaction(client, 'dave@sender.example', [BOB]);
      client.close();

      assert.equal(first.end?.code, 250);
      await expectBlocked(harness, second.mail, 451, '4.7.0', 'rate_limit_sender');
      assert.equal(otherSender.end?.code, 250, 'the session goes on for another sender');
    });

    it('should refuse a connection over the concurrency limit, free slots on close', async () => {
      const profile = profileWith('concurrency', { rate_limit_concurrency: BLOCK }, {
        rateLimits: { concurrentConnectionsPerClient: 2 },
      });
      const port = await harness.serve(profile);
      const local = '127.0.0.13';
      const first = await openSession(port, 'client.test', '127.0.0.1', local);
      const second = await openSession(port, 'client.test', '127.0.0.1', local);

      const third = await RawSmtpClient.connect(port, '127.0.0.1', local);
      const greeting = await third.read();
      await sleep(50);
      const isClosed = third.isClosed;
      third.close();
      first.close();
      await sleep(100);
      const fourth = await RawSmtpClient.connect(port, '127.0.0.1', local);
      const welcome = await fourth.read();
      fourth.close();
      second.close();

      // RFC 5321 3.1: 421 in place of the greeting, no enhanced code before EHLO.
      await expectBlocked(harness, greeting, 421, null, 'rate_limit_concurrency');
      assert.ok(isClosed, 'the connection was closed');
      assert.equal(welcome.code, 220, 'a closed connection gave its slot back');
    });

    it('should let the connection in and record it when concurrency is only alarmed', async () => {
      const profile = profileWith('concurrency_alarm', { rate_limit_concurrency: ALARM }, {
        rateLimits: { concurrentConnectionsPerClient: 1 },
      });
      const port = await harness.serve(profile);
      const since = harness.api.violations.length;
      const first = await openSession(port, 'client.test', '127.0.0.1', '127.0.0.14');

      const replies = await sendOne(port, { from: ALICE, to: [BOB], local: '127.0.0.14' });
      first.close();

      assert.equal(replies.end?.code, 250);
      await expectAlarmed(harness, 'rate_limit_concurrency', since);
    });

    it('should greylist a first attempt with 451 4.7.1, pass a retry after the hold', async () => {
      const port = await harness.serve(profileWith('grey', { greylisted: BLOCK }, {
        greylisting: { holdSeconds: 1 },
      }));
      const erin = 'erin@sender.example';
      const send = () => sendOne(port, { from: erin, to: [BOB], local: '127.0.0.15' });
      const before = harness.backend.messages.length;

      const first = await send();
      const early = await send();
      await sleep(1_100);
      const later = await send();

      await expectBlocked(harness, first.rcpts[0], 451, '4.7.1', 'greylisted');
      await expectBlocked(harness, early.rcpts[0], 451, '4.7.1', 'greylisted');
      assert.equal(later.end?.code, 250);
      assert.equal(harness.backend.messages.length, before + 1, 'only the passed retry arrived');
    });

    it('should not greylist exempt clients, senders, recipients, or an SPF pass', async () => {
      const actions = { greylisted: BLOCK, spf_fail: ALARM };
      const port = await harness.serve(profileWith('grey_exempt', actions, {
        greylisting: {
          holdSeconds: 600,
          exemptNetworks: ['127.0.0.16/32'],
          exemptSenderDomains: ['.partner.example'],
          exemptRecipients: ['@open.example'],
          skipWhenSpfPasses: true,
        },
      }));
      const send = (from: string, to: string, local: string) =>
        sendOne(port, { from, to: [to], local });

      const byNetwork = await send('frank@fail.example', BOB, '127.0.0.16');
      const bySender = await send('frank@mail.partner.example', BOB, '127.0.0.17');
      const byRecipient = await send('frank@fail.example', 'anyone@open.example', '127.0.0.17');
      const bySpf = await send('frank@sender.example', BOB, '127.0.0.17');
      const greylisted = await send('frank@fail.example', BOB, '127.0.0.17');

      assert.deepEqual(
        [byNetwork, bySender, byRecipient, bySpf].map((replies) => replies.end?.code),
        [250, 250, 250, 250],
      );
      assert.equal(greylisted.rcpts[0]?.code, 451);
    });

    it('should count unknowns across RSET and reconnects, and close a harvester', async () => {
      const port = await harness.serve(profileWith('harvest', { directory_harvest: BLOCK }, {
        harvest: { maxUnknownRecipientsPerMinute: 2, blockSeconds: 2 },
      }));
      const local = '127.0.0.18';
      const client = await openSession(port, 'client.test', '127.0.0.1', local);

      await client.command('MAIL FROM:<alice@sender.example>');
      const firstUnknown = await client.command(`RCPT TO:<${GHOSTS[0]}>`);
      await client.command('RSET');
      client.close();
      const again = await openSession(port, 'client.test', '127.0.0.1', local);
      await again.command('MAIL FROM:<alice@sender.example>');
      const secondUnknown = await again.command(`RCPT TO:<${GHOSTS[1]}>`);
      const thirdUnknown = await again.command(`RCPT TO:<${GHOSTS[2]}>`);
      await sleep(50);
      const isClosed = again.isClosed;
      again.close();
      const blocked = await RawSmtpClient.connect(port, '127.0.0.1', local);
      const greeting = await blocked.read();
      blocked.close();
      const elsewhere = await sendOne(port, { from: ALICE, to: [BOB], local: '127.0.0.19' });
      await sleep(2_100);
      const afterBlock = await sendOne(port, { from: ALICE, to: [BOB], local });

      // The member's own answer for the first two: RFC 3463 X.1.1, mirrored.
      assert.deepEqual([firstUnknown.code, secondUnknown.code], [550, 550]);
      assert.match(secondUnknown.text, /^5\.1\.1 /);
      const record = await expectBlocked(harness, thirdUnknown, 421, '4.7.0', 'directory_harvest');
      assert.match(record.details?.note ?? '', /3 unknown recipients/);
      assert.ok(isClosed, '421 closes the session');
      await expectBlocked(harness, greeting, 421, null, 'directory_harvest');
      assert.equal(elsewhere.end?.code, 250, 'other clients go on');
      assert.equal(afterBlock.end?.code, 250, 'the block ends after blockSeconds');
    });

    it('should take the profile\'s valid recipients as the mailboxes that exist', async () => {
      const port = await harness.serve(profileWith('valid_list', { directory_harvest: BLOCK }, {
        harvest: { maxUnknownRecipientsPerMinute: 1, blockSeconds: 60, validRecipients: [BOB] },
      }));
      const client = await openSession(port, 'client.test', '127.0.0.1', '127.0.0.20');
      const before = harness.backend.messages.length;

      const replies = await sendTransaction(client, ALICE, [
        BOB,
        'nobody@protected.example',
        'nobody2@protected.example',
      ]);
      client.close();

      assert.equal(replies.rcpts[0]?.code, 250);
      assert.equal(replies.rcpts[1]?.code, 550);
      assert.match(replies.rcpts[1]?.text ?? '', /^5\.1\.1 /);
      await expectBlocked(harness, replies.rcpts[2], 421, '4.7.0', 'directory_harvest');
      assert.equal(harness.backend.messages.length, before, 'the closed session sent nothing');
    });
  });
}

describe('counter store outage', () => {
  let harness: THarness;
  let testStore: TTestStore;

  before(async () => {
    // Nothing listens there: every command fails at once as COUNTERS_UNAVAILABLE.
    testStore = createTestStore('redis', 'redis://127.0.0.1:1');
    harness = await startProtectedWorker({ zone: TEST_ZONE, counterStore: testStore.store });
  });

  after(async () => {
    await harness.stop();
    await testStore.dispose();
  });

  it('should answer greylisting 451 4.3.0, record nothing, let rate limits fail open', async () => {
    const port = await harness.serve(profileWith('outage', {
      greylisted: BLOCK, rate_limit_client: BLOCK, rate_limit_concurrency: BLOCK,
    }, { rateLimits: { messagesPerMinutePerClient: 1 } }));
    const since = harness.api.violations.length;

    const replies = await sendOne(port, { from: ALICE, to: [BOB] });

    assert.equal(replies.mail.code, 250, 'the rate limit failed open');
    assert.equal(replies.rcpts[0]?.code, 451);
    assert.match(replies.rcpts[0]?.text ?? '', /^4\.3\.0 /);
    assert.doesNotMatch(replies.rcpts[0]?.text ?? '', /Support ID/);
    assert.equal((await harness.settledViolations()).length, since);
  });
});
