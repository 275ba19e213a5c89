import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionHeaders, signIn } from '../../auth.ts';
import { build, createTestUser } from '../../helper.ts';
import { hashSecret } from '../../../src/auth/secret-token.ts';

// Short lifetimes, so the tests can move the clock of a session back past them.
const context = build({ auth: { ttlMs: 3_600_000, idleMs: 600_000 } });

const idOf = (cookie: string) => hashSecret(cookie.split('=')[1] as string);
const readPools = (cookie: string) => context.app.inject({ url: '/api/v1/pools', headers: { cookie } });

describe('session lifetime', () => {
  it('should set the absolute expiry from the configured lifetime', async () => {
    const session = await signIn(context, context.admin);
    const row = await context.prisma.session.findUniqueOrThrow({ where: { id: idOf(session.cookie) } });
    const lifetimeMs = row.expiresAt.getTime() - row.createdAt.getTime();

    assert.ok(Math.abs(lifetimeMs - 3_600_000) < 5000, `lifetime ${lifetimeMs} ms`);
  });

  it('should answer 401 once the session has expired', async () => {
    const session = await signIn(context, context.admin);
    assert.equal((await readPools(session.cookie)).statusCode, 200);

    await context.prisma.session.update({
      where: { id: idOf(session.cookie) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    assert.equal((await readPools(session.cookie)).statusCode, 401);
  });

  it('should answer 401 after the idle timeout, and keep a session in use alive', async () => {
    const idle = await signIn(context, context.admin);
    const busy = await signIn(context, context.admin);
    await context.prisma.session.update({
      where: { id: idOf(idle.cookie) },
      data: { lastSeenAt: new Date(Date.now() - 11 * 60_000) },
    });
    await context.prisma.session.update({
      where: { id: idOf(busy.cookie) },
      data: { lastSeenAt: new Date(Date.now() - 9 * 60_000) },
    });

    assert.equal((await readPools(idle.cookie)).statusCode, 401);
    assert.equal((await readPools(busy.cookie)).statusCode, 200);
    const touched = await context.prisma.session.findUniqueOrThrow({ where: { id: idOf(busy.cookie) } });
    assert.ok(Date.now() - touched.lastSeenAt.getTime() < 60_000);
  });
});

describe('session revocation', () => {
  it('should list own sessions and end one with DELETE /sessions/:id', async () => {
    const user = await createTestUser(context.prisma, 'two-tabs', 'GUEST');
    const first = await signIn(context, user);
    const second = await signIn(context, user);

    const list = await context.app.inject({ url: '/api/v1/sessions', headers: { cookie: first.cookie } });
    assert.equal(list.statusCode, 200);
    const items = list.json().items as Array<{ id: string; username: string; current: boolean }>;
    assert.equal(items.length, 2);
    assert.ok(items.every((item) => item.username === user.username));
    assert.equal(items.find((item) => item.current)?.id, idOf(first.cookie));

    const revoke = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/sessions/${idOf(second.cookie)}`,
      headers: sessionHeaders(first),
    });

    assert.equal(revoke.statusCode, 204);
    assert.equal((await readPools(second.cookie)).statusCode, 401);
    assert.equal((await readPools(first.cookie)).statusCode, 200);
    const entry = await context.prisma.auditEntry.findFirst({
      where: { action: 'revoke', objectType: 'session' },
    });
    assert.equal(entry?.objectName, user.username);
  });

  it("should not let a non-administrator end another user's session (404)", async () => {
    const owner = await createTestUser(context.prisma, 'owner', 'OPERATOR');
    const stranger = await createTestUser(context.prisma, 'stranger', 'OPERATOR');
    const ownerSession = await signIn(context, owner);

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/sessions/${idOf(ownerSession.cookie)}`,
      headers: { authorization: `Bearer ${stranger.token}` },
    });

    assert.equal(response.statusCode, 404);
    assert.equal((await readPools(ownerSession.cookie)).statusCode, 200);
  });

  it("should let an administrator see and end anyone's session", async () => {
    const user = await createTestUser(context.prisma, 'watched', 'GUEST');
    const session = await signIn(context, user);

    const list = await context.app.inject({ url: '/api/v1/sessions' });
    const ids = (list.json().items as Array<{ id: string }>).map((item) => item.id);
    const revoke = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/sessions/${idOf(session.cookie)}`,
    });

    assert.ok(ids.includes(idOf(session.cookie)));
    assert.equal(revoke.statusCode, 204);
    assert.equal((await readPools(session.cookie)).statusCode, 401);
  });
});
