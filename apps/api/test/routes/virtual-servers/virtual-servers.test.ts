import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, latestVersion, type TTestContext } from '../../helper.ts';

const context = build({ setup: createBackendsPool });
let nextPort = 3000;

async function createBackendsPool({ app }: TTestContext) {
  const pool = await app.inject({
    method: 'POST',
    url: '/api/v1/pools',
    payload: { name: 'backends', members: [{ address: '192.0.2.1' }] },
  });
  assert.equal(pool.statusCode, 201);
}

async function createServer(body: Record<string, unknown>) {
  const payload = { destinationAddress: '127.0.0.1', servicePort: nextPort++, ...body };
  const url = '/api/v1/virtual-servers';
  const response = await context.app.inject({ method: 'POST', url, payload });
  assert.equal(response.statusCode, 201, response.body);

  return response.json();
}

describe('POST /api/v1/virtual-servers', () => {
  it('should create a virtual server with references by name', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_create', destinationAddress: '127.0.0.2', defaultPool: 'backends' },
    });

    assert.equal(response.statusCode, 201);
    const server = response.json();
    assert.equal(server.defaultPool, 'backends');
    assert.equal(server.serviceProfile, 'smtp');
    assert.equal(server.servicePort, 25);
    assert.equal(server.snatPool, 'AUTOMAP');
    assert.equal(server.status, 'unknown');
  });

  it('should answer 400 INVALID_REFERENCE naming the field for an unknown pool', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_bad_pool', destinationAddress: '127.0.0.3', defaultPool: 'nowhere' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'INVALID_REFERENCE');
    assert.equal(response.json().error.field, 'defaultPool');
  });

  it('should answer 400 INVALID_REFERENCE for an unknown service profile', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_bad_profile', destinationAddress: '127.0.0.3', serviceProfile: 'nope' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'serviceProfile');
  });

  it('should refuse a network destination without a mask', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_net', destinationType: 'NETWORK', destinationAddress: '10.0.0.0' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'VALIDATION_FAILED');
    assert.equal(response.json().error.field, 'destinationMask');
  });

  it('should answer 409 NAME_TAKEN for a name in use', async () => {
    await createServer({ name: 'vs_taken' });

    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_taken', destinationAddress: '127.0.0.9' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'NAME_TAKEN');
  });

  it('should answer 409 CONFLICT for a destination and port already served', async () => {
    const first = await createServer({ name: 'vs_port_a' });

    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: {
        name: 'vs_port_b',
        destinationAddress: '127.0.0.1',
        servicePort: first.servicePort,
      },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'CONFLICT');
    assert.match(response.json().error.message, /vs_port_a/);
  });

  it('should never return the TLS key', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: {
        name: 'vs_tls',
        destinationAddress: '127.0.0.4',
        tlsCertificate: '-----BEGIN CERTIFICATE-----',
        tlsKey: '-----BEGIN PRIVATE KEY----- secret',
      },
    });

    assert.equal(response.statusCode, 201);
    assert.equal(response.json().hasTlsKey, true);
    assert.equal('tlsKey' in response.json(), false);
    assert.doesNotMatch(response.body, /PRIVATE KEY/);
  });
});

describe('GET /api/v1/virtual-servers', () => {
  it('should list virtual servers filtered by name', async () => {
    await createServer({ name: 'listed_one' });

    const response = await context.app.inject({ url: '/api/v1/virtual-servers?q=listed' });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      response.json().items.map((s: { name: string }) => s.name),
      ['listed_one'],
    );
    assert.equal(response.json().total, 1);
  });
});

describe('GET /api/v1/virtual-servers/:id', () => {
  it('should read a virtual server', async () => {
    const created = await createServer({ name: 'vs_read' });

    const response = await context.app.inject({ url: `/api/v1/virtual-servers/${created.id}` });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'vs_read');
  });

  it('should answer 404 for an unknown id', async () => {
    const response = await context.app.inject({ url: '/api/v1/virtual-servers/424242' });

    assert.equal(response.statusCode, 404);
  });
});

describe('PATCH /api/v1/virtual-servers/:id', () => {
  it('should change only the fields sent', async () => {
    const created = await createServer({
      name: 'vs_patch',
      defaultPool: 'backends',
      snatPool: 'NONE',
    });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/virtual-servers/${created.id}`,
      payload: { enabled: false },
    });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().enabled, false);
    assert.equal(response.json().snatPool, 'NONE');
    assert.equal(response.json().defaultPool, 'backends');
  });

  it('should check the merged destination', async () => {
    const created = await createServer({ name: 'vs_patch_net' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/virtual-servers/${created.id}`,
      payload: { destinationType: 'NETWORK' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'destinationMask');
  });

  it('should refuse an unknown pool named in an update', async () => {
    const created = await createServer({ name: 'vs_patch_ref' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/virtual-servers/${created.id}`,
      payload: { defaultPool: 'ghost' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'INVALID_REFERENCE');
  });
});

describe('PUT /api/v1/virtual-servers/:id', () => {
  it('should replace the virtual server', async () => {
    const created = await createServer({ name: 'vs_put', defaultPool: 'backends' });

    const response = await context.app.inject({
      method: 'PUT',
      url: `/api/v1/virtual-servers/${created.id}`,
      payload: { name: 'vs_put', destinationAddress: '127.0.0.5', servicePort: 2600 },
    });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().defaultPool, null);
    assert.equal(response.json().destinationAddress, '127.0.0.5');
  });
});

describe('DELETE /api/v1/virtual-servers/:id', () => {
  it('should delete a virtual server and bump the snapshot version', async () => {
    const created = await createServer({ name: 'vs_delete' });
    const before = await latestVersion(context);

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/virtual-servers/${created.id}`,
    });

    assert.equal(response.statusCode, 204);
    assert.equal(await latestVersion(context), before + 1);
  });

  it('should answer 404 for an unknown id without a new version', async () => {
    const before = await latestVersion(context);

    const response = await context.app.inject({
      method: 'DELETE',
      url: '/api/v1/virtual-servers/999',
    });

    assert.equal(response.statusCode, 404);
    assert.equal(await latestVersion(context), before);
  });
});
