// Every route of the OpenAPI document, called as an anonymous caller, as each role
// below the route's level and at its level. A route missing from ACCESS fails the
// test, so a new route ships only with its level declared here and in its config.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TRole } from '@portcullis/contracts';
import { buildApp } from '../../../src/app.ts';
import { createSession } from '../../../src/domain/sessions/create-session.ts';
import { build, createTestUser, type TTestUser, WORKER_SECRET } from '../../helper.ts';

const context = build();

type TLevel = 'public' | 'signed-in' | 'guest' | 'operator' | 'administrator';

const ACCESS: Record<string, TLevel> = {
  'get /api/v1/health': 'public',
  'post /api/v1/auth/sign-in': 'public',

  'get /api/v1/auth/session': 'signed-in',
  'post /api/v1/auth/sign-out': 'signed-in',
  'post /api/v1/auth/password': 'signed-in',
  'get /api/v1/sessions': 'signed-in',
  'delete /api/v1/sessions/{id}': 'signed-in',
  'get /api/v1/tokens': 'signed-in',
  'post /api/v1/tokens': 'signed-in',
  'delete /api/v1/tokens/{id}': 'signed-in',

  'get /api/v1/pools': 'guest',
  'get /api/v1/pools/{id}': 'guest',
  'get /api/v1/virtual-servers': 'guest',
  'get /api/v1/virtual-servers/{id}': 'guest',
  'get /api/v1/service-profiles': 'guest',
  'get /api/v1/service-profiles/{id}': 'guest',
  'get /api/v1/security-profiles': 'guest',
  'get /api/v1/security-profiles/{id}': 'guest',
  'get /api/v1/profile-assignments': 'guest',
  'get /api/v1/antivirus': 'guest',
  'get /api/v1/internal-parameters': 'guest',
  'get /api/v1/violations': 'guest',
  'get /api/v1/violations/{supportId}': 'guest',
  'get /api/v1/statistics/violations': 'guest',
  'get /api/v1/statistics/traffic': 'guest',
  'get /api/v1/dashboard': 'guest',
  'get /api/v1/system/dns': 'guest',
  'get /api/v1/system/logging': 'guest',
  'get /api/v1/workers': 'guest',
  'get /api/v1/config/version': 'guest',

  'post /api/v1/security-profiles': 'operator',
  'put /api/v1/security-profiles/{id}': 'operator',
  'patch /api/v1/security-profiles/{id}': 'operator',
  'delete /api/v1/security-profiles/{id}': 'operator',
  'put /api/v1/profile-assignments/smtp': 'operator',

  'post /api/v1/pools': 'administrator',
  'put /api/v1/pools/{id}': 'administrator',
  'patch /api/v1/pools/{id}': 'administrator',
  'delete /api/v1/pools/{id}': 'administrator',
  'post /api/v1/pools/{id}/members': 'administrator',
  'delete /api/v1/pools/{id}/members/{memberId}': 'administrator',
  'post /api/v1/virtual-servers': 'administrator',
  'put /api/v1/virtual-servers/{id}': 'administrator',
  'patch /api/v1/virtual-servers/{id}': 'administrator',
  'delete /api/v1/virtual-servers/{id}': 'administrator',
  'post /api/v1/service-profiles': 'administrator',
  'put /api/v1/service-profiles/{id}': 'administrator',
  'patch /api/v1/service-profiles/{id}': 'administrator',
  'delete /api/v1/service-profiles/{id}': 'administrator',
  'put /api/v1/antivirus': 'administrator',
  'put /api/v1/internal-parameters/{name}': 'administrator',
  'post /api/v1/internal-parameters/{name}/reset': 'administrator',
  'put /api/v1/system/dns': 'administrator',
  'put /api/v1/system/logging': 'administrator',
  'get /api/v1/users': 'administrator',
  'post /api/v1/users': 'administrator',
  'get /api/v1/users/{username}': 'administrator',
  'patch /api/v1/users/{username}': 'administrator',
  'delete /api/v1/users/{username}': 'administrator',
  'get /api/v1/audit': 'administrator',
};

// The roles that fall short of each level; 'signed-in' and 'guest' admit every role.
const BELOW: Record<TLevel, TRole[]> = {
  public: [],
  'signed-in': [],
  guest: [],
  operator: ['GUEST'],
  administrator: ['OPERATOR', 'GUEST'],
};
const ROLE_AT: Record<TLevel, TRole> = {
  public: 'GUEST',
  'signed-in': 'GUEST',
  guest: 'GUEST',
  operator: 'OPERATOR',
  administrator: 'ADMINISTRATOR',
};

type TRoute = { method: string; url: string; key: string; level: TLevel };

async function listRoutes(): Promise<TRoute[]> {
  const response = await context.app.inject({ url: '/api/v1/openapi.json' });
  const paths = response.json().paths as Record<string, Record<string, unknown>>;
  const routes: TRoute[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    if (!path.startsWith('/api/v1/')) continue;

    for (const method of Object.keys(operations)) {
      const key = `${method} ${path}`;
      const url = path.replace(/\{(\w+)\}/g, (_match, name: string) =>
        name === 'username' ? 'nobody' : '1',
      );
      routes.push({ method: method.toUpperCase(), url, key, level: ACCESS[key] as TLevel });
    }
  }

  return routes;
}

const hasBody = (method: string) => !['GET', 'HEAD', 'DELETE'].includes(method);

function call(route: TRoute, headers: Record<string, string>) {
  return context.anonymousInject({
    method: route.method as 'GET',
    url: route.url,
    headers,
    ...(hasBody(route.method) ? { payload: {} } : {}),
  });
}

describe('access to every API route', () => {
  const users = new Map<TRole, TTestUser>();
  const userOf = async (role: TRole) => {
    if (!users.has(role)) {
      users.set(role, await createTestUser(context.prisma, `access-${role.toLowerCase()}`, role));
    }

    return users.get(role) as TTestUser;
  };

  it('should declare a level for every route of the OpenAPI document, and only two public', async () => {
    const routes = await listRoutes();
    const undeclared = routes.filter((route) => !route.level).map((route) => route.key);
    const documented = new Set(routes.map((route) => route.key));
    const stale = Object.keys(ACCESS).filter((key) => !documented.has(key));

    assert.deepEqual(undeclared, [], 'routes missing from ACCESS');
    assert.deepEqual(stale, [], 'ACCESS lists routes the API no longer has');
    assert.deepEqual(
      routes.filter((route) => route.level === 'public').map((route) => route.key).sort(),
      ['get /api/v1/health', 'post /api/v1/auth/sign-in'],
    );
  });

  it('should document public routes as needing no credential, the others a token or cookie', async () => {
    const document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();

    assert.deepEqual(document.paths['/api/v1/health'].get.security, []);
    assert.deepEqual(document.paths['/api/v1/auth/sign-in'].post.security, []);
    assert.equal(document.paths['/api/v1/pools'].get.security, undefined);
    assert.deepEqual(document.security, [{ apiToken: [] }, { sessionCookie: [] }]);
  });

  it('should answer 401 to an anonymous caller on every non-public route', async () => {
    const routes = await listRoutes();
    const open = [];
    for (const route of routes.filter((candidate) => candidate.level !== 'public')) {
      const response = await call(route, {});
      if (response.statusCode !== 401 || response.json().error.code !== 'UNAUTHENTICATED') {
        open.push(`${route.key} -> ${response.statusCode}`);
      }
    }

    assert.deepEqual(open, []);
  });

  it('should answer 403 to every role below the route’s level', async () => {
    const routes = await listRoutes();
    const leaks = [];
    let checked = 0;
    for (const route of routes) {
      for (const role of BELOW[route.level]) {
        const user = await userOf(role);
        const response = await call(route, { authorization: `Bearer ${user.token}` });
        checked += 1;
        if (response.statusCode !== 403) leaks.push(`${route.key} as ${role} -> ${response.statusCode}`);
      }
    }

    assert.deepEqual(leaks, []);
    assert.ok(checked > 30, `only ${checked} checks`);
  });

  it('should admit a session of exactly the route’s level', async () => {
    const routes = await listRoutes();
    const refused = [];
    for (const route of routes) {
      const user = await userOf(ROLE_AT[route.level]);
      // A fresh session each time: sign-out and password changes end sessions.
      const session = await createSession(context.prisma, user.id, '127.0.0.1', 3_600_000);
      const headers = { cookie: `portcullis_session=${session.secret}`, 'x-csrf-token': session.csrfToken };
      const response = await call(route, headers);
      if ([401, 403].includes(response.statusCode)) {
        refused.push(`${route.key} as ${user.role} -> ${response.statusCode} ${response.body}`);
      }
    }

    assert.deepEqual(refused, []);
  });
});

describe('routes without a declared level', () => {
  it('should stop the app from starting', async () => {
    const app = buildApp({ prisma: context.prisma, workerSecret: WORKER_SECRET, logger: false });
    app.register(async (child) => {
      child.get('/api/v1/unguarded', async () => ({ open: true }));
    });

    await assert.rejects(async () => app.ready(), /GET \/api\/v1\/unguarded declares no config\.access/);
    await app.close().catch(() => undefined);
  });
});
