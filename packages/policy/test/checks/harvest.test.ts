import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from '@portcullis/contracts';
import {
  createRedisCounterStore,
  isHarvestBlocked,
  isRecipientUnknown,
  recordUnknownRecipient,
  type TCounterStore,
} from '../../src/index.ts';
import { reserveDeadRedis } from '../support/broken-redis.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import { STORE_KINDS } from '../support/store-fixtures.ts';

const SETTINGS = {
  ...DEFAULT_SECURITY_PROFILE_SETTINGS.harvest,
  maxUnknownRecipientsPerMinute: 3,
  blockSeconds: 600,
};

for (const kind of STORE_KINDS) {
  describe(`directory harvest (${kind.name} store)`, () => {
    it('should block a client past the threshold for blockSeconds', async () => {
      const { store, clock } = await kind.create();
      const deps = { store };
      const client = { client: '192.0.2.50' };

      const verdicts = [];
      for (let index = 0; index < 4; index += 1) {
        // Each unknown recipient may come in a new session, after RSET or a reconnect: the
        // count is the client's, not the session's.
        verdicts.push((await recordUnknownRecipient(client, SETTINGS, deps))?.violation ?? 'pass');
      }

      assert.deepEqual(verdicts, ['pass', 'pass', 'pass', 'directory_harvest']);
      assert.equal(await isHarvestBlocked(client, deps), true);
      assert.equal(await isHarvestBlocked({ client: '192.0.2.51' }, deps), false, 'others go on');

      clock.advance(599_000);
      assert.equal(await isHarvestBlocked(client, deps), true);
      clock.advance(2_000);
      assert.equal(await isHarvestBlocked(client, deps), false, 'the block has run out');
    });

    it('should tell the caller how long the block lasts', async () => {
      const { store } = await kind.create();
      let found = null;
      for (let index = 0; index < 4; index += 1) {
        found = await recordUnknownRecipient({ client: '192.0.2.50' }, SETTINGS, { store });
      }

      assert.equal(found?.retryAfterSeconds, 600);
      assert.match(found?.detail ?? '', /4 unknown recipients .* 192\.0\.2\.50\/32, limit 3/);
    });

    it('should not block a client whose unknown recipients are spread out in time', async () => {
      const { store, clock } = await kind.create();

      for (let index = 0; index < 6; index += 1) {
        const found = await recordUnknownRecipient({ client: '192.0.2.50' }, SETTINGS, { store });
        assert.equal(found, null, `unknown recipient ${index}`);
        clock.advance(60_000);
      }
    });

    it('should count an IPv6 client per /64', async () => {
      const { store } = await kind.create();
      for (const host of ['1', '2', '3', '4']) {
        await recordUnknownRecipient({ client: `2001:db8:9:9::${host}` }, SETTINGS, { store });
      }

      assert.equal(await isHarvestBlocked({ client: '2001:db8:9:9::ffff' }, { store }), true);
      assert.equal(await isHarvestBlocked({ client: '2001:db8:9:a::1' }, { store }), false);
    });
  });
}

describe('isRecipientUnknown', () => {
  const listed = { ...SETTINGS, validRecipients: ['alice@example.com', 'Bob@Example.com'] };
  const cases: Array<[string, typeof SETTINGS, string, boolean]> = [
    ['no list: the backend decides', SETTINGS, 'anyone@example.com', false],
    ['on the list', listed, 'alice@example.com', false],
    ['on the list, other case and brackets', listed, '<BOB@example.COM>', false],
    ['not on the list', listed, 'mallory@example.com', true],
  ];

  for (const [name, settings, recipient, expected] of cases) {
    it(`should judge ${name}`, () => {
      assert.equal(isRecipientUnknown(recipient, settings), expected);
    });
  }
});

describe('directory harvest while Redis is down', () => {
  const stores: TCounterStore[] = [];
  after(() => Promise.all(stores.map((store) => store.close())));

  it('should fail open: nothing counted, nobody blocked, a warning logged', async () => {
    const dead = await reserveDeadRedis();
    const store = createRedisCounterStore(dead.url);
    stores.push(store);
    const logger = createCapturingLogger();

    const deps = { store, logger };
    const found = await recordUnknownRecipient({ client: '192.0.2.1' }, SETTINGS, deps);
    const blocked = await isHarvestBlocked({ client: '192.0.2.1' }, deps);

    assert.equal(found, null);
    assert.equal(blocked, false);
    assert.equal(logger.lines.length, 2);
  });
});
