import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionHeaders, signIn } from '../../auth.ts';
import { build, createTestUser } from '../../helper.ts';
import { hashSecret } from '../../../src/auth/secret-token.ts';

const context = build();

const asToken = (token: string) => ({ authorization: `Bearer ${token}` });
const POOL = { name: 'p_token', members: [{ address: '192.0.2.9', servicePort: 25 }] };

async function createToken(headers: Record<string, string>, payload: object) {
  return context.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload });
}

describe('POST /api/v1/tokens', () => {
  it('should show the token once and keep only its hash', async () => {
    const session = await signIn(context, context.admin);
    const response = await createToken(sessionHeaders(session), { name: 'deploy', role: 'OPERATOR' });

    assert.equal(response.statusCode, 201);
    const created = response.json();
    assert.match(created.token, /^pct_[\w-]{43}$/);
    assert.equal(created.role, 'OPERATOR');
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 89.9 && days <= 90, `expires in ${days} days`);

    const row = await context.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    assert.equal(row.tokenHash, hashSecret(created.token));
    assert.notEqual(row.tokenHash, created.token);
    const list = await context.app.inject({ url: '/api/v1/tokens', headers: { cookie: session.cookie } });
    assert.ok(list.json().items.some((item: { id: number }) => item.id === created.id));
    assert.doesNotMatch(list.body, new RegExp(created.token));
    const entry = await context.prisma.auditEntry.findFirstOrThrow({ where: { objectType: 'token' } });
    assert.doesNotMatch(JSON.stringify(entry.after), /pct_/);
  });

  it('should work as a bearer token with its own role, without CSRF', async () => {
    const created = (await createToken({}, { name: 'reader', role: 'GUEST', expiresInDays: 1 })).json();

    const read = await context.app.inject({ url: '/api/v1/pools', headers: asToken(created.token) });
    const write = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      headers: asToken(created.token),
      payload: POOL,
    });

    assert.equal(read.statusCode, 200);
    assert.equal(write.statusCode, 403);
    const row = await context.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    assert.ok(row.lastUsedAt);
  });

  it('should refuse a role above the creator’s (403 ROLE_TOO_HIGH)', async () => {
    const operator = await createTestUser(context.prisma, 'op-tokens', 'OPERATOR');
    const response = await createToken(asToken(operator.token), { name: 'escalate', role: 'ADMINISTRATOR' });
    const allowed = await createToken(asToken(operator.token), { name: 'same', role: 'OPERATOR' });

    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'ROLE_TOO_HIGH');
    assert.equal(allowed.statusCode, 201);
  });

  it('should refuse an expiry beyond a year (400)', async () => {
    const response = await createToken({}, { name: 'forever', role: 'GUEST', expiresInDays: 366 });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'expiresInDays');
  });
});

describe('token expiry and revocation', () => {
  it('should answer 401 to an expired token', async () => {
    const created = (await createToken({}, { name: 'short-lived', role: 'GUEST', expiresInDays: 1 })).json();
    await context.prisma.apiToken.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const response = await context.app.inject({ url: '/api/v1/pools', headers: asToken(created.token) });

    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'UNAUTHENTICATED');
  });

  it('should answer 401 once the token is revoked, and audit the revocation', async () => {
    const created = (await createToken({}, { name: 'to-revoke', role: 'GUEST' })).json();
    const revoke = await context.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.id}` });
    const response = await context.app.inject({ url: '/api/v1/pools', headers: asToken(created.token) });

    assert.equal(revoke.statusCode, 204);
    assert.equal(response.statusCode, 401);
    const list = await context.app.inject({ url: '/api/v1/tokens' });
    const listed = list.json().items.find((item: { id: number }) => item.id === created.id);
    assert.ok(listed.revokedAt);
    const entry = await context.prisma.auditEntry.findFirstOrThrow({
      where: { objectType: 'token', action: 'revoke' },
    });
    assert.equal(entry.objectName, `${context.admin.username}/to-revoke`);
  });

  it("should not let a user revoke or list another user's token", async () => {
    const other = await createTestUser(context.prisma, 'token-owner', 'GUEST');
    const row = await context.prisma.apiToken.findFirstOrThrow({ where: { userId: other.id } });

    const revoke = await context.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${row.id}` });
    const list = await context.app.inject({ url: '/api/v1/tokens' });

    assert.equal(revoke.statusCode, 404);
    assert.ok(!list.json().items.some((item: { id: number }) => item.id === row.id));
    const stillWorks = await context.app.inject({ url: '/api/v1/pools', headers: asToken(other.token) });
    assert.equal(stillWorks.statusCode, 200);
  });

  it('should refuse a token without the pct_ prefix or a malformed header (401)', async () => {
    for (const authorization of ['Bearer not-a-token', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const response = await context.app.inject({ url: '/api/v1/pools', headers: { authorization } });

      assert.equal(response.statusCode, 401, authorization);
      assert.match(String(response.headers['www-authenticate']), /^Bearer/);
    }
  });
});
