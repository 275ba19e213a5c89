import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../helper.ts';

const context = build();

// Every route the API serves; the document must describe each one.
const ROUTES = [
  'get /api/v1/pools',
  'post /api/v1/pools',
  'get /api/v1/pools/{id}',
  'put /api/v1/pools/{id}',
  'patch /api/v1/pools/{id}',
  'delete /api/v1/pools/{id}',
  'post /api/v1/pools/{id}/members',
  'delete /api/v1/pools/{id}/members/{memberId}',
  'get /api/v1/virtual-servers',
  'post /api/v1/virtual-servers',
  'get /api/v1/virtual-servers/{id}',
  'put /api/v1/virtual-servers/{id}',
  'patch /api/v1/virtual-servers/{id}',
  'delete /api/v1/virtual-servers/{id}',
  'get /api/v1/service-profiles',
  'post /api/v1/service-profiles',
  'get /api/v1/service-profiles/{id}',
  'put /api/v1/service-profiles/{id}',
  'patch /api/v1/service-profiles/{id}',
  'delete /api/v1/service-profiles/{id}',
  'get /api/v1/security-profiles',
  'post /api/v1/security-profiles',
  'get /api/v1/security-profiles/{id}',
  'put /api/v1/security-profiles/{id}',
  'patch /api/v1/security-profiles/{id}',
  'delete /api/v1/security-profiles/{id}',
  'get /api/v1/profile-assignments',
  'put /api/v1/profile-assignments/smtp',
  'get /api/v1/antivirus',
  'put /api/v1/antivirus',
  'get /api/v1/internal-parameters',
  'put /api/v1/internal-parameters/{name}',
  'post /api/v1/internal-parameters/{name}/reset',
  'get /api/v1/violations',
  'get /api/v1/violations/{supportId}',
  'get /api/v1/statistics/violations',
  'get /api/v1/statistics/traffic',
  'get /api/v1/dashboard',
  'get /api/v1/system/dns',
  'put /api/v1/system/dns',
  'get /api/v1/system/logging',
  'put /api/v1/system/logging',
  'get /api/v1/workers',
  'get /api/v1/config/version',
  'get /api/v1/health',
  'post /api/v1/auth/sign-in',
  'get /api/v1/auth/session',
  'post /api/v1/auth/sign-out',
  'post /api/v1/auth/password',
  'get /api/v1/sessions',
  'delete /api/v1/sessions/{id}',
  'get /api/v1/tokens',
  'post /api/v1/tokens',
  'delete /api/v1/tokens/{id}',
  'get /api/v1/users',
  'post /api/v1/users',
  'get /api/v1/users/{username}',
  'patch /api/v1/users/{username}',
  'delete /api/v1/users/{username}',
  'get /api/v1/audit',
  'get /internal/v1/snapshot',
  'get /internal/v1/config-stream',
  'post /internal/v1/workers/report',
  'post /internal/v1/violations',
  'post /internal/v1/traffic',
];

type TSchemaNode = {
  default?: unknown;
  description?: string;
  properties?: Record<string, TSchemaNode>;
};

type TOperation = {
  tags?: string[];
  summary?: string;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
};

describe('GET /api/v1/openapi.json', () => {
  it('should describe every route with a tag and a summary', async () => {
    const response = await context.app.inject({ url: '/api/v1/openapi.json' });

    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.match(document.openapi, /^3\./);
    assert.equal(document.info.title, 'Portcullis REST API');
    assert.ok(document.info.version);

    const paths = document.paths as Record<string, Record<string, TOperation>>;
    const listed = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    assert.deepEqual([...listed].sort(), [...ROUTES].sort());

    const tagNames = new Set(document.tags.map((tag: { name: string }) => tag.name));
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        assert.ok(operation.summary, `${method} ${path} has a summary`);
        assert.ok(operation.tags?.every((tag) => tagNames.has(tag)), `${method} ${path} is tagged`);
      }
    }
  });

  it('should take schemas from the routes, leaving out secrets', async () => {
    const document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
    const create = document.paths['/api/v1/virtual-servers'].post as TOperation;
    const read = document.paths['/api/v1/virtual-servers/{id}'].get as TOperation;

    const body = create.requestBody?.content['application/json']?.schema.properties ?? {};
    const output = JSON.stringify(read.responses['200']);

    assert.ok('tlsKey' in body, 'the key can be sent');
    assert.ok('destinationAddress' in body);
    assert.doesNotMatch(output, /"tlsKey"/);
    assert.match(output, /"hasTlsKey"/);
  });

  it('should show security settings with their defaults and descriptions', async () => {
    const document = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
    const operations = document.paths['/api/v1/security-profiles/{id}'];
    const profile: TSchemaNode = operations.get.responses['200'].content['application/json'].schema;
    const patch: TSchemaNode = operations.patch.requestBody.content['application/json'].schema;

    const hold = profile.properties?.settings?.properties?.greylisting?.properties?.holdSeconds;
    const softfail = profile.properties?.actions?.properties?.spf_softfail;
    const patchHold = patch.properties?.settings?.properties?.greylisting?.properties?.holdSeconds;

    assert.equal(hold?.default, 300);
    assert.match(String(hold?.description), /retry earlier than this/);
    assert.deepEqual(softfail?.default, { alarm: true, block: false });
    assert.ok(patchHold, 'a PATCH names single settings');
    assert.equal(patchHold.default, undefined, 'and fills in nothing');
  });
});
