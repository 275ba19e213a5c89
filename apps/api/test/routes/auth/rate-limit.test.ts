import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn } from '../../auth.ts';
import { build, createTestUser } from '../../helper.ts';

const context = build();

async function attempt(username: string, password: string, remoteAddress: string) {
  return context.anonymousInject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username, password },
    remoteAddress,
  });
}

describe('sign-in rate limiting', () => {
  it('should answer 429 with Retry-After after 5 failures on one account from one address', async () => {
    const user = await createTestUser(context.prisma, 'limited', 'GUEST');
    const address = '203.0.113.1';
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await attempt(user.username, `wrong-password-${i}`, address)).statusCode, 401);
    }

    const blocked = await attempt(user.username, user.password, address);

    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().error.code, 'TOO_MANY_ATTEMPTS');
    const retryAfter = Number(blocked.headers['retry-after']);
    assert.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    assert.equal(blocked.headers['set-cookie'], undefined);
    // Another address may still sign in to the account.
    assert.equal((await signIn(context, user, '203.0.113.2')).statusCode, 200);
  });

  it('should reset the account count on a successful sign-in', async () => {
    const user = await createTestUser(context.prisma, 'forgetful', 'GUEST');
    const address = '203.0.113.20';
    for (let i = 0; i < 4; i += 1) await attempt(user.username, 'wrong-password', address);
    assert.equal((await signIn(context, user, address)).statusCode, 200);

    for (let i = 0; i < 4; i += 1) {
      assert.equal((await attempt(user.username, 'wrong-password', address)).statusCode, 401);
    }
    assert.equal((await signIn(context, user, address)).statusCode, 200);
  });

  it('should answer 429 after 20 failures from one address over many accounts', async () => {
    const address = '203.0.113.30';
    for (let i = 0; i < 20; i += 1) {
      assert.equal((await attempt(`guess-${i}`, 'wrong-password', address)).statusCode, 401);
    }

    const blocked = await attempt(context.admin.username, context.admin.password, address);
    const elsewhere = await attempt(context.admin.username, context.admin.password, '203.0.113.31');

    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal(elsewhere.statusCode, 200);
  });
});
