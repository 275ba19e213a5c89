import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from '@portcullis/contracts';
import {
  acquireConnectionSlot,
  checkClientMessageRate,
  checkSenderMessageRate,
  createRedisCounterStore,
  type TCounterStore,
} from '../../src/index.ts';
import { reserveDeadRedis } from '../support/broken-redis.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import { createSharedRedisStores, STORE_KINDS } from '../support/store-fixtures.ts';

const SETTINGS = {
  ...DEFAULT_SECURITY_PROFILE_SETTINGS.rateLimits,
  messagesPerMinutePerClient: 3,
  messagesPerMinutePerSender: 2,
  concurrentConnectionsPerClient: 2,
  ipv6PrefixLength: 64,
};

async function sendMessages(store: TCounterStore, client: string, count: number) {
  const results = [];
  for (let index = 0; index < count; index += 1) {
    results.push(await checkClientMessageRate({ client }, SETTINGS, { store }));
  }

  return results.map((result) => result?.violation ?? 'pass');
}

for (const kind of STORE_KINDS) {
  describe(`rate limits (${kind.name} store)`, () => {
    it('should refuse the message past the per-client limit, only for that client', async () => {
      const { store } = await kind.create();

      assert.deepEqual(await sendMessages(store, '192.0.2.1', 4), [
        'pass',
        'pass',
        'pass',
        'rate_limit_client',
      ]);
      assert.deepEqual(await sendMessages(store, '192.0.2.2', 1), ['pass']);
    });

    it('should count IPv4-mapped IPv6 as the IPv4 client', async () => {
      const { store } = await kind.create();

      await sendMessages(store, '192.0.2.1', 3);

      assert.deepEqual(await sendMessages(store, '::ffff:192.0.2.1', 1), ['rate_limit_client']);
    });

    it('should count IPv6 clients per /ipv6PrefixLength network', async () => {
      const { store } = await kind.create();

      await sendMessages(store, '2001:db8:1:2::a', 2);
      const sameNetwork = await sendMessages(store, '2001:db8:1:2:ffff::b', 2);
      const otherNetwork = await sendMessages(store, '2001:db8:1:3::a', 1);

      assert.deepEqual(sameNetwork, ['pass', 'rate_limit_client']);
      assert.deepEqual(otherNetwork, ['pass']);
    });

    it('should let the client send again once the window has slid past', async () => {
      const { store, clock } = await kind.create();
      await sendMessages(store, '192.0.2.1', 4);

      clock.advance(2 * 60_000);

      assert.deepEqual(await sendMessages(store, '192.0.2.1', 1), ['pass']);
    });

    it('should limit a sender across clients, and the null sender per client', async () => {
      const { store } = await kind.create();
      const check = (client: string, sender: string | null) =>
        checkSenderMessageRate({ client, sender }, SETTINGS, { store });

      await check('192.0.2.1', 'Alice@Example.com');
      await check('198.51.100.1', 'alice@example.com');
      const third = await check('203.0.113.1', '<ALICE@example.COM>');

      await check('192.0.2.1', '');
      await check('192.0.2.1', null);
      const bounceStorm = await check('192.0.2.1', '<>');
      const otherBounces = await check('198.51.100.1', '');

      assert.equal(third?.violation, 'rate_limit_sender');
      assert.match(third?.detail ?? '', /alice@example\.com/);
      assert.equal(bounceStorm?.violation, 'rate_limit_sender');
      assert.match(bounceStorm?.detail ?? '', /null sender from 192\.0\.2\.1/);
      assert.equal(otherBounces, null, 'another host has its own null-sender budget');
    });

    it('should hold connection slots until released', async () => {
      const { store } = await kind.create();
      const connect = () => acquireConnectionSlot({ client: '192.0.2.9' }, SETTINGS, { store });

      const first = await connect();
      const second = await connect();
      const third = await connect();
      await third.slot.release();
      await third.slot.release();
      await first.slot.release();
      const fourth = await connect();

      assert.equal(first.finding, null);
      assert.equal(second.finding, null);
      assert.equal(third.finding?.violation, 'rate_limit_concurrency');
      assert.equal(fourth.finding, null, 'released slots are free again (twice is harmless)');
    });

    it('should free the slots of a crashed worker once their TTL lapses', async () => {
      const { store, clock } = await kind.create();
      const connect = () =>
        acquireConnectionSlot({ client: '192.0.2.9' }, SETTINGS, { store }, { slotTtlMs: 5_000 });
      await connect();
      const kept = await connect();
      assert.equal((await connect()).finding?.violation, 'rate_limit_concurrency');

      clock.advance(3_000);
      assert.equal(await kept.slot.renew(), true);
      clock.advance(3_000);

      assert.equal((await connect()).finding, null, 'only the renewed slot is still held');
    });
  });
}

describe('rate limits shared by several workers through Redis', () => {
  it('should add up the messages each worker saw', async () => {
    const { stores } = await createSharedRedisStores(3);

    const verdicts = [];
    for (const store of [...stores, stores[0]!]) {
      const found = await checkClientMessageRate({ client: '192.0.2.1' }, SETTINGS, { store });
      verdicts.push(found?.violation ?? 'pass');
    }

    assert.deepEqual(verdicts, ['pass', 'pass', 'pass', 'rate_limit_client']);
  });

  it('should hand out no more slots than the limit to connections racing each other', async () => {
    const { stores } = await createSharedRedisStores(4);

    const outcomes = await Promise.all(
      [...stores, ...stores].map((store) =>
        acquireConnectionSlot({ client: '192.0.2.5' }, SETTINGS, { store }),
      ),
    );
    const within = outcomes.filter((outcome) => outcome.finding === null);

    assert.equal(within.length, SETTINGS.concurrentConnectionsPerClient);
  });
});

describe('rate limits while Redis is down', () => {
  const stores: TCounterStore[] = [];
  after(() => Promise.all(stores.map((store) => store.close())));

  it('should fail open with a logged warning', async () => {
    const dead = await reserveDeadRedis();
    const store = createRedisCounterStore(dead.url);
    stores.push(store);
    const logger = createCapturingLogger();
    const deps = { store, logger };

    const client = await checkClientMessageRate({ client: '192.0.2.1' }, SETTINGS, deps);
    const input = { client: '192.0.2.1', sender: 'a@b.c' };
    const sender = await checkSenderMessageRate(input, SETTINGS, deps);
    const { slot, finding } = await acquireConnectionSlot({ client: '192.0.2.1' }, SETTINGS, deps);
    await slot.release();

    assert.equal(client, null);
    assert.equal(sender, null);
    assert.equal(finding, null);
    assert.equal(logger.lines.length, 3);
    assert.ok(logger.lines.every((line) => line.fields.code === 'COUNTERS_UNAVAILABLE'));
  });
});
