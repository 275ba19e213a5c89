// Behind a reverse proxy: the client named in X-Forwarded-For is the one the sign-in
// limits count and the audit log records, but only when the proxy is a trusted one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TAuditEntry } from '@portcullis/contracts';
import { build, createTestUser, type TTestContext } from '../../helper.ts';

const PROXY = '192.0.2.10';
const behindProxy = build({ trustedProxies: [PROXY, '198.51.100.0/24'] });
const direct = build();

async function signInVia(
  context: TTestContext,
  credentials: { username: string; password: string },
  remoteAddress: string,
  forwardedFor: string,
) {
  return context.anonymousInject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: credentials,
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

async function lastSignInAddress(context: TTestContext, username: string): Promise<string> {
  const response = await context.app.inject({
    method: 'GET',
    url: `/api/v1/audit?actor=${username}&action=sign-in`,
  });
  const entries = response.json().items as TAuditEntry[];
  assert.ok(entries.length > 0, `a sign-in of ${username} in the audit log`);

  return entries[0]!.address;
}

describe('X-Forwarded-For from a trusted proxy', () => {
  it('should record the forwarded client in the audit log', async () => {
    const user = await createTestUser(behindProxy.prisma, 'proxied', 'GUEST');

    const response = await signInVia(behindProxy, user, PROXY, '203.0.113.77');

    assert.equal(response.statusCode, 200);
    assert.equal(await lastSignInAddress(behindProxy, user.username), '203.0.113.77');
  });

  it('should trust a proxy by its network too', async () => {
    const user = await createTestUser(behindProxy.prisma, 'netproxied', 'GUEST');

    await signInVia(behindProxy, user, '198.51.100.200', '203.0.113.78');

    assert.equal(await lastSignInAddress(behindProxy, user.username), '203.0.113.78');
  });

  it('should count failures per forwarded client, not for the proxy as a whole', async () => {
    const user = await createTestUser(behindProxy.prisma, 'guessed', 'GUEST');
    const wrong = { username: user.username, password: 'not-the-password' };
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await signInVia(behindProxy, wrong, PROXY, '203.0.113.90')).statusCode, 401);
    }

    const attacker = await signInVia(behindProxy, user, PROXY, '203.0.113.90');
    const colleague = await signInVia(behindProxy, user, PROXY, '203.0.113.91');

    assert.equal(attacker.statusCode, 429);
    assert.equal(colleague.statusCode, 200);
  });

  it('should count a client whose proxy adds ports as one client', async () => {
    const user = await createTestUser(behindProxy.prisma, 'ported', 'GUEST');
    const wrong = { username: user.username, password: 'not-the-password' };
    for (let port = 40_001; port <= 40_005; port += 1) {
      const attempt = await signInVia(behindProxy, wrong, PROXY, `198.51.100.8:${port}`);
      assert.equal(attempt.statusCode, 401);
    }

    const blocked = await signInVia(behindProxy, user, PROXY, '198.51.100.8:40006');

    assert.equal(blocked.statusCode, 429);
  });

  const written = [
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['not an address', PROXY],
  ];
  for (const [header, recorded] of written) {
    it(`should record "${header}" from the proxy as ${recorded}`, async () => {
      const username = `fwd-${written.findIndex(([value]) => value === header)}`;
      const user = await createTestUser(behindProxy.prisma, username, 'GUEST');

      await signInVia(behindProxy, user, PROXY, header as string);

      assert.equal(await lastSignInAddress(behindProxy, user.username), recorded);
    });
  }

  it('should ignore the header from an address that is not a trusted proxy', async () => {
    const user = await createTestUser(behindProxy.prisma, 'spoofer', 'GUEST');

    await signInVia(behindProxy, user, '203.0.113.5', '10.9.9.9');

    assert.equal(await lastSignInAddress(behindProxy, user.username), '203.0.113.5');
  });
});

describe('X-Forwarded-For without trusted proxies', () => {
  it('should be ignored: the connecting address is recorded', async () => {
    const user = await createTestUser(direct.prisma, 'direct', 'GUEST');

    await signInVia(direct, user, PROXY, '203.0.113.77');

    assert.equal(await lastSignInAddress(direct, user.username), PROXY);
  });
});
