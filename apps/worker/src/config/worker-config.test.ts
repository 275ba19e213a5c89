import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadWorkerConfig } from './worker-config.ts';

describe('loadWorkerConfig', () => {
  const complete = {
    PORTCULLIS_API_URL: 'http://127.0.0.1:8025/',
    PORTCULLIS_WORKER_SECRET: 's3cret',
  };

  it('should fail naming the missing variable', () => {
    assert.throws(() => loadWorkerConfig({}), {
      code: 'CONFIG_INVALID',
      message: 'PORTCULLIS_API_URL is not set',
    });
    assert.throws(
      () => loadWorkerConfig({ PORTCULLIS_API_URL: 'http://x' }),
      /PORTCULLIS_WORKER_SECRET is not set/,
    );
  });

  it('should fail naming a malformed variable', () => {
    assert.throws(
      () => loadWorkerConfig({ ...complete, PORTCULLIS_API_URL: 'nope' }),
      /PORTCULLIS_API_URL must be a URL/,
    );
    assert.throws(() => loadWorkerConfig({ ...complete, LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  });

  it('should fill the defaults and trim the URL', () => {
    const config = loadWorkerConfig({ ...complete, PORTCULLIS_HOSTNAME: 'mx.example.org' });

    assert.equal(config.apiUrl, 'http://127.0.0.1:8025');
    assert.equal(config.hostname, 'mx.example.org');
    assert.equal(config.logLevel, 'info');
    assert.match(config.workerId, /-\d+$/);
    assert.equal(config.redisUrl, null, 'counters in memory by default');
  });

  it('should take a Redis URL for shared counters and refuse anything else', () => {
    const config = loadWorkerConfig({ ...complete, REDIS_URL: 'redis://127.0.0.1:6379/2' });

    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379/2');
    assert.throws(
      () => loadWorkerConfig({ ...complete, REDIS_URL: 'http://127.0.0.1:6379' }),
      { code: 'CONFIG_INVALID', message: /^REDIS_URL must be a URL such as redis:/ },
    );
  });
});
