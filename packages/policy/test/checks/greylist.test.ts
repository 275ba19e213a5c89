import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from '@portcullis/contracts';
import {
  checkGreylist,
  createRedisCounterStore,
  findGreylistExemption,
  type TCounterStore,
  type TGreylistInput,
} from '../../src/index.ts';
import { reserveDeadRedis } from '../support/broken-redis.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import { STORE_KINDS } from '../support/store-fixtures.ts';

const SECOND = 1_000;
const SETTINGS = {
  ...DEFAULT_SECURITY_PROFILE_SETTINGS.greylisting,
  holdSeconds: 300,
  retryWindowSeconds: 4 * 3600,
  expirySeconds: 36 * 86400,
};
const TRIPLET: TGreylistInput = {
  client: '192.0.2.10',
  sender: 'alice@sender.example',
  recipient: 'bob@protected.example',
};

async function attempt(store: TCounterStore, input: TGreylistInput = TRIPLET) {
  const result = await checkGreylist(input, SETTINGS, { store });
  if (result === null) return 'pass';

  return 'violation' in result ? result.violation : `temporary:${result.temporary}`;
}

for (const kind of STORE_KINDS) {
  describe(`greylisting (${kind.name} store)`, () => {
    it('should greylist a first attempt and an early retry, then pass after the hold', async () => {
      const { store, clock } = await kind.create();

      const first = await checkGreylist(TRIPLET, SETTINGS, { store });
      clock.advance(200 * SECOND);
      const early = await checkGreylist(TRIPLET, SETTINGS, { store });
      clock.advance(100 * SECOND);
      const onTime = await attempt(store);

      assert.equal(first && 'violation' in first && first.retryAfterSeconds, 300);
      assert.equal(early && 'violation' in early && early.violation, 'greylisted');
      // The early retry did not reset the first-seen time: 200 + 100 s is the full hold.
      assert.equal(early && 'violation' in early && early.retryAfterSeconds, 100);
      assert.equal(onTime, 'pass');
    });

    it('should pass a remembered triplet at once, until it expires', async () => {
      const { store, clock } = await kind.create();
      await attempt(store);
      clock.advance(SETTINGS.holdSeconds * SECOND);
      assert.equal(await attempt(store), 'pass');

      clock.advance(30 * 86400 * SECOND);
      assert.equal(await attempt(store), 'pass', 'still remembered, and remembered afresh');
      clock.advance((SETTINGS.expirySeconds + 1) * SECOND);
      await new Promise((resolve) => setTimeout(resolve, 10));

      // Redis still holds the key (its TTL runs on real time); the stored time decides.
      assert.equal(await attempt(store), 'greylisted');
    });

    it('should start over when the retry comes after the retry window', async () => {
      const { store, clock } = await kind.create();
      await attempt(store);

      clock.advance((SETTINGS.retryWindowSeconds + 1) * SECOND);
      const late = await attempt(store);
      clock.advance(SETTINGS.holdSeconds * SECOND - SECOND);
      const stillHeld = await attempt(store);
      clock.advance(SECOND);

      assert.equal(late, 'greylisted');
      assert.equal(stillHeld, 'greylisted', 'the hold counts from the new first attempt');
      assert.equal(await attempt(store), 'pass');
    });

    it('should key triplets by client network, sender and recipient', async () => {
      const { store, clock } = await kind.create();
      await attempt(store);
      clock.advance(SETTINGS.holdSeconds * SECOND);

      const sameNetwork = { ...TRIPLET, client: '192.0.2.99' };
      const otherNetwork = { ...TRIPLET, client: '198.51.100.10' };
      const otherRecipient = { ...TRIPLET, recipient: 'carol@protected.example' };
      const spelledDifferently = { ...TRIPLET, sender: '<Alice@SENDER.example>' };

      assert.equal(await attempt(store, sameNetwork), 'pass', 'same /24');
      assert.equal(await attempt(store, spelledDifferently), 'pass');
      assert.equal(await attempt(store, otherNetwork), 'greylisted');
      assert.equal(await attempt(store, otherRecipient), 'greylisted');
    });

    it('should key IPv6 clients by their /ipv6PrefixLength network', async () => {
      const { store, clock } = await kind.create();
      await attempt(store, { ...TRIPLET, client: '2001:db8:5:6::1' });
      clock.advance(SETTINGS.holdSeconds * SECOND);

      assert.equal(await attempt(store, { ...TRIPLET, client: '2001:db8:5:6:a:b:c:d' }), 'pass');
      assert.equal(await attempt(store, { ...TRIPLET, client: '2001:db8:5:7::1' }), 'greylisted');
    });

    it('should pass exempt triplets without storing anything', async () => {
      const { store } = await kind.create();
      const exempt = { ...SETTINGS, exemptNetworks: ['192.0.2.0/24'] };

      assert.equal(await checkGreylist(TRIPLET, exempt, { store }), null);
      assert.equal(await attempt(store), 'greylisted', 'nothing was stored for the exempt one');
    });
  });
}

describe('findGreylistExemption', () => {
  const settings = {
    ...SETTINGS,
    exemptNetworks: ['198.51.100.0/24', '2001:db8:aa::/48', 'not-a-network'],
    exemptSenderDomains: ['partner.example', '.bank.example'],
    exemptRecipients: ['abuse@protected.example', '@open.example'],
  };
  const cases: Array<[string, Partial<TGreylistInput>, RegExp | null]> = [
    ['a client outside every exempt network', {}, null],
    ['an exempt IPv4 network', { client: '198.51.100.200' }, /exempt network/],
    ['an exempt IPv4 network, IPv4-mapped', { client: '::ffff:198.51.100.1' }, /exempt network/],
    ['an exempt IPv6 network', { client: '2001:db8:aa:ffff::1' }, /exempt network/],
    ['next to the IPv6 network', { client: '2001:db8:ab::1' }, null],
    ['an exempt sender domain', { sender: 'x@Partner.Example' }, /sender domain/],
    ['a subdomain of a plain entry', { sender: 'x@mail.partner.example' }, null],
    ['a subdomain of a dotted entry', { sender: 'x@mx.bank.example' }, /sender domain/],
    ['the null sender', { sender: '' }, null],
    ['an exempt recipient', { recipient: '<ABUSE@protected.example>' }, /recipient/],
    ['an exempt recipient domain', { recipient: 'anyone@open.example' }, /recipient/],
    ['an SPF pass without skipWhenSpfPasses', { isSpfPass: true }, null],
  ];

  for (const [name, change, expected] of cases) {
    it(`should judge ${name}`, () => {
      const reason = findGreylistExemption({ ...TRIPLET, ...change }, settings);

      if (expected === null) assert.equal(reason, null);
      else assert.match(reason ?? '', expected);
    });
  }

  it('should exempt an SPF pass when skipWhenSpfPasses is set', () => {
    const settingsWithSpf = { ...settings, skipWhenSpfPasses: true };

    const exemption = (isSpfPass: boolean) =>
      findGreylistExemption({ ...TRIPLET, isSpfPass }, settingsWithSpf);

    assert.equal(exemption(true), 'SPF passed');
    assert.equal(exemption(false), null);
  });
});

describe('greylisting while Redis is down', () => {
  const stores: TCounterStore[] = [];
  after(() => Promise.all(stores.map((store) => store.close())));

  it('should fail closed: a temporary failure, not a silent pass', async () => {
    const dead = await reserveDeadRedis();
    const store = createRedisCounterStore(dead.url);
    stores.push(store);
    const logger = createCapturingLogger();

    const result = await checkGreylist(TRIPLET, SETTINGS, { store, logger });

    assert.deepEqual(result && 'temporary' in result && result.temporary, 'counters_unavailable');
    assert.equal(logger.lines[0]?.fields.code, 'COUNTERS_UNAVAILABLE');
  });
});
