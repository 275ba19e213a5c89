import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnv, toRetention } from '../src/env.ts';

const SECRET = 'a-secret-of-enough-length';

describe('loadEnv', () => {
  it('should fill in the defaults', () => {
    const env = loadEnv({ PORTCULLIS_WORKER_SECRET: SECRET, DATABASE_URL: '' });

    assert.equal(env.PORT, 8025);
    assert.equal(env.HOST, '127.0.0.1');
    assert.equal(env.DATABASE_URL, undefined);
    assert.match(env.PORTCULLIS_DATA_DIR, /\/var$/);
    assert.equal(env.LOG_LEVEL, 'info');
  });

  it('should keep minutes a week, rollups 400 days and violations 90 by default', () => {
    const env = loadEnv({ PORTCULLIS_WORKER_SECRET: SECRET });

    assert.deepEqual(toRetention(env), {
      trafficMinuteDays: 7,
      rollupDays: 400,
      violationDays: 90,
      batchIdDays: 30,
    });
    assert.equal(env.PORTCULLIS_PRUNE_INTERVAL_MINUTES, 60);
  });

  it('should take retention settings in whole days', () => {
    const env = loadEnv({
      PORTCULLIS_WORKER_SECRET: SECRET,
      PORTCULLIS_RETAIN_TRAFFIC_MINUTES_DAYS: '2',
      PORTCULLIS_RETAIN_VIOLATIONS_DAYS: '30',
      PORTCULLIS_PRUNE_INTERVAL_MINUTES: '0',
    });

    assert.equal(toRetention(env).trafficMinuteDays, 2);
    assert.equal(toRetention(env).violationDays, 30);
    assert.equal(env.PORTCULLIS_PRUNE_INTERVAL_MINUTES, 0);
  });

  const refused = [
    ['PORTCULLIS_RETAIN_VIOLATIONS_DAYS', '0'],
    ['PORTCULLIS_RETAIN_TRAFFIC_MINUTES_DAYS', '1.5'],
    ['PORTCULLIS_RETAIN_ROLLUPS_DAYS', 'forever'],
    ['PORTCULLIS_PRUNE_INTERVAL_MINUTES', '-1'],
    ['PORTCULLIS_TRUSTED_PROXIES', 'proxy.example.com'],
    ['PORTCULLIS_TRUSTED_PROXIES', '10.0.0.0/33'],
    ['PORTCULLIS_TRUSTED_PROXIES', '10.0.0.1, 2001:db8::/129'],
    ['PORTCULLIS_TRUSTED_PROXIES', '10.0.0.0/8/8'],
    ['PORTCULLIS_TRUSTED_PROXIES', '0.0.0.0/0'],
    ['PORTCULLIS_TRUSTED_PROXIES', '::/0'],
  ];
  for (const [name, value] of refused) {
    it(`should refuse ${name}=${value}, naming it`, () => {
      assert.throws(
        () => loadEnv({ PORTCULLIS_WORKER_SECRET: SECRET, [name as string]: value }),
        new RegExp(`invalid environment: ${name}`),
      );
    });
  }

  it('should refuse keeping violations longer than their hourly rollups', () => {
    assert.throws(
      () =>
        loadEnv({
          PORTCULLIS_WORKER_SECRET: SECRET,
          PORTCULLIS_RETAIN_VIOLATIONS_DAYS: '100',
          PORTCULLIS_RETAIN_ROLLUPS_DAYS: '60',
        }),
      /PORTCULLIS_RETAIN_VIOLATIONS_DAYS must not exceed PORTCULLIS_RETAIN_ROLLUPS_DAYS \(60\)/,
    );
  });

  it('should trust no proxy by default, and read a list of addresses and networks', () => {
    assert.deepEqual(loadEnv({ PORTCULLIS_WORKER_SECRET: SECRET }).PORTCULLIS_TRUSTED_PROXIES, []);

    const env = loadEnv({
      PORTCULLIS_WORKER_SECRET: SECRET,
      PORTCULLIS_TRUSTED_PROXIES: ' 192.0.2.10, 10.0.0.0/8,2001:db8::/64 ,loopback',
    });

    const expected = ['192.0.2.10', '10.0.0.0/8', '2001:db8::/64', 'loopback'];
    assert.deepEqual(env.PORTCULLIS_TRUSTED_PROXIES, expected);
  });

  it('should name the proxy entry it refuses', () => {
    const env = { PORTCULLIS_WORKER_SECRET: SECRET, PORTCULLIS_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/0' };

    assert.throws(() => loadEnv(env), /"10\.0\.0\.0\/0" needs a prefix length from 1 to 32/);
  });

  it('should name the missing worker secret', () => {
    assert.throws(() => loadEnv({}), /PORTCULLIS_WORKER_SECRET is required/);
  });

  it('should name every invalid variable', () => {
    assert.throws(
      () => loadEnv({ PORTCULLIS_WORKER_SECRET: SECRET, PORT: 'eighty', DATABASE_URL: 'mysql://x' }),
      (error: Error) => /PORT/.test(error.message) && /DATABASE_URL/.test(error.message),
    );
  });
});
