import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnv } from '../src/env.ts';

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
