import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignInLimiter } from '../../src/auth/sign-in-limiter.ts';

describe('SignInLimiter', () => {
  const limits = { perAccount: 2, perAddress: 3, windowMs: 60_000 };

  it('should block an account from an address after its limit, until the window ends', () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter(limits, () => now);
    limiter.recordFailure('alice', '192.0.2.1');
    assert.equal(limiter.retryAfterSeconds('alice', '192.0.2.1'), 0);
    limiter.recordFailure('alice', '192.0.2.1');

    assert.equal(limiter.retryAfterSeconds('alice', '192.0.2.1'), 60);
    assert.equal(limiter.retryAfterSeconds('alice', '192.0.2.2'), 0);
    now += 30_500;
    assert.equal(limiter.retryAfterSeconds('alice', '192.0.2.1'), 30);
    now += 30_000;
    assert.equal(limiter.retryAfterSeconds('alice', '192.0.2.1'), 0);
  });

  it('should block an address over all accounts, and forget an account on success', () => {
    const limiter = new SignInLimiter(limits, () => 0);
    limiter.recordFailure('a', '192.0.2.9');
    limiter.recordSuccess('a', '192.0.2.9');
    limiter.recordFailure('a', '192.0.2.9');
    assert.equal(limiter.retryAfterSeconds('a', '192.0.2.9'), 0);
    limiter.recordFailure('b', '192.0.2.9');

    assert.ok(limiter.retryAfterSeconds('c', '192.0.2.9') > 0);
  });
});
