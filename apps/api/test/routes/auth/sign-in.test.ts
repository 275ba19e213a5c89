import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionHeaders, signIn } from '../../auth.ts';
import { build, createTestUser } from '../../helper.ts';

const context = build();
const POOL = { name: 'p_csrf', members: [{ address: '192.0.2.1', servicePort: 25 }] };

describe('POST /api/v1/auth/sign-in', () => {
  it('should open a session in an HttpOnly, SameSite=Strict cookie', async () => {
    const response = await context.anonymousInject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: context.admin.username, password: context.admin.password },
    });

    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(body.user, { username: context.admin.username, role: 'ADMINISTRATOR' });
    assert.match(body.csrfToken, /^[\w-]{43}$/);
    assert.ok(Date.parse(body.expiresAt) > Date.now() + 7 * 3_600_000);
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^portcullis_session=[\w-]{43}; /);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/);
  });

  it('should keep only a hash of the session id in the database', async () => {
    const session = await signIn(context, context.admin);
    const secret = session.cookie.split('=')[1] as string;

    assert.equal(await context.prisma.session.count({ where: { id: secret } }), 0);
  });

  it('should refuse a wrong password, an unknown user and a disabled user alike (401)', async () => {
    const disabled = await createTestUser(context.prisma, 'disabled-user', 'GUEST');
    await context.prisma.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const attempts = [
      { username: context.admin.username, password: 'not-the-password' },
      { username: 'nobody-here', password: 'whatever-password' },
      { username: disabled.username, password: disabled.password },
    ];

    const bodies = [];
    for (const [index, attempt] of attempts.entries()) {
      const response = await context.anonymousInject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: attempt,
        remoteAddress: `192.0.2.${10 + index}`,
      });
      assert.equal(response.statusCode, 401);
      assert.equal(response.headers['set-cookie'], undefined);
      bodies.push(response.json());
    }

    assert.equal(bodies[0].error.code, 'INVALID_CREDENTIALS');
    assert.deepEqual(bodies[1], bodies[0]);
    assert.deepEqual(bodies[2], bodies[0]);
  });

  it('should audit successful and failed sign-ins with the address', async () => {
    await signIn(context, { username: context.admin.username, password: 'wrong-password-1' }, '198.51.100.7');
    await signIn(context, context.admin, '198.51.100.7');

    const entries = await context.prisma.auditEntry.findMany({
      where: { address: '198.51.100.7' },
      orderBy: { id: 'asc' },
    });
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.actor, entry.objectType]),
      [
        ['sign-in-failed', context.admin.username, 'session'],
        ['sign-in', context.admin.username, 'session'],
      ],
    );
    const text = JSON.stringify(entries, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
    assert.doesNotMatch(text, /wrong-password/);
  });
});

describe('GET /api/v1/auth/session', () => {
  it('should answer the user and CSRF token of the cookie', async () => {
    const session = await signIn(context, context.admin);
    const response = await context.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().user.username, context.admin.username);
    assert.equal(response.json().csrfToken, session.csrfToken);
  });

  it('should answer 401 without a cookie, or with an unknown one', async () => {
    const none = await context.anonymousInject({ url: '/api/v1/auth/session' });
    const unknown = await context.anonymousInject({
      url: '/api/v1/auth/session',
      headers: { cookie: 'portcullis_session=made-up-value' },
    });

    assert.equal(none.statusCode, 401);
    assert.equal(none.json().error.code, 'UNAUTHENTICATED');
    assert.equal(unknown.statusCode, 401);
  });
});

describe('CSRF protection of writes with the session cookie', () => {
  it('should refuse a write without the CSRF token (403) and accept it with the token', async () => {
    const session = await signIn(context, context.admin);
    const post = (headers: Record<string, string>) =>
      context.app.inject({ method: 'POST', url: '/api/v1/pools', headers, payload: POOL });

    const missing = await post({ cookie: session.cookie });
    const wrong = await post({ cookie: session.cookie, 'x-csrf-token': 'guessed' });
    const read = await context.app.inject({ url: '/api/v1/pools', headers: { cookie: session.cookie } });
    const right = await post(sessionHeaders(session));

    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.code, 'CSRF_TOKEN_INVALID');
    assert.equal(wrong.statusCode, 403);
    assert.equal(read.statusCode, 200);
    assert.equal(right.statusCode, 201);
  });

  it("should not take another session's CSRF token", async () => {
    const first = await signIn(context, context.admin);
    const second = await signIn(context, context.admin);
    const response = await context.app.inject({
      method: 'PUT',
      url: '/api/v1/system/dns',
      headers: { cookie: first.cookie, 'x-csrf-token': second.csrfToken },
      payload: {},
    });

    assert.equal(response.statusCode, 403);
  });
});

describe('POST /api/v1/auth/sign-out', () => {
  it('should end the session and clear the cookie', async () => {
    const session = await signIn(context, context.admin);
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: sessionHeaders(session),
    });
    const after = await context.app.inject({ url: '/api/v1/pools', headers: { cookie: session.cookie } });

    assert.equal(response.statusCode, 204);
    assert.match(String(response.headers['set-cookie']), /^portcullis_session=; .*Max-Age=0/);
    assert.equal(after.statusCode, 401);
    const entry = await context.prisma.auditEntry.findFirst({ where: { action: 'sign-out' } });
    assert.equal(entry?.actor, context.admin.username);
  });
});

describe('POST /api/v1/auth/password', () => {
  it('should refuse a wrong current password and a short new one', async () => {
    const user = await createTestUser(context.prisma, 'pw-checker', 'GUEST');
    const session = await signIn(context, user);
    const change = (payload: object) =>
      context.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: sessionHeaders(session),
        payload,
      });

    const wrong = await change({ currentPassword: 'not-it-at-all', newPassword: 'a-long-new-password' });
    const short = await change({ currentPassword: user.password, newPassword: 'short' });

    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.field, 'newPassword');
  });

  it('should change the password, keep this session and end the others', async () => {
    const user = await createTestUser(context.prisma, 'pw-changer', 'OPERATOR');
    const current = await signIn(context, user);
    const other = await signIn(context, user);
    const newPassword = 'a-brand-new-password-42';

    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: sessionHeaders(current),
      payload: { currentPassword: user.password, newPassword },
    });
    const kept = await context.app.inject({ url: '/api/v1/pools', headers: { cookie: current.cookie } });
    const ended = await context.app.inject({ url: '/api/v1/pools', headers: { cookie: other.cookie } });

    assert.equal(response.statusCode, 204);
    assert.equal(kept.statusCode, 200);
    assert.equal(ended.statusCode, 401);
    assert.equal((await signIn(context, user)).statusCode, 401);
    assert.equal((await signIn(context, { username: user.username, password: newPassword })).statusCode, 200);
    const entry = await context.prisma.auditEntry.findFirst({ where: { action: 'password-change' } });
    assert.equal(entry?.objectName, user.username);
  });
});
