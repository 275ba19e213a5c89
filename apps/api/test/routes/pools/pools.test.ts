import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, latestVersion } from '../../helper.ts';

const context = build();

async function createPool(body: Record<string, unknown>) {
  const url = '/api/v1/pools';
  const response = await context.app.inject({ method: 'POST', url, payload: body });
  assert.equal(response.statusCode, 201, response.body);

  return response.json();
}

describe('POST /api/v1/pools', () => {
  it('should create a pool with its members and defaults filled in', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: {
        name: 'create_web',
        members: [{ address: '192.0.2.10' }, { address: '192.0.2.11', servicePort: 2525 }],
      },
    });

    assert.equal(response.statusCode, 201);
    const pool = response.json();
    assert.equal(response.headers.location, `/api/v1/pools/${pool.id}`);
    assert.equal(pool.loadBalancingMethod, 'ROUND_ROBIN');
    assert.equal(pool.monitor, 'SMTP');
    assert.deepEqual(
      pool.members.map((m: { nodeName: string; servicePort: number; status: string }) => [
        m.nodeName,
        m.servicePort,
        m.status,
      ]),
      [
        ['192.0.2.10', 25, 'unknown'],
        ['192.0.2.11', 2525, 'unknown'],
      ],
    );
    assert.deepEqual(pool.virtualServers, []);
  });

  it('should refuse an invalid member address naming the field', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: {
        name: 'bad_member',
        members: [{ address: '192.0.2.1' }, { address: 'mx.example' }],
      },
    });

    assert.equal(response.statusCode, 400);
    const { error } = response.json();
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.equal(error.field, 'members.1.address');
    assert.match(error.message, /members\.1\.address/);
  });

  it('should refuse a missing name as required', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: {},
    });

    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().error, {
      code: 'VALIDATION_FAILED',
      message: 'name is required',
      field: 'name',
    });
  });

  it('should refuse a member listed twice', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: { name: 'twice', members: [{ address: '192.0.2.1' }, { address: '192.0.2.1' }] },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'members.1.address');
  });

  it('should answer 409 NAME_TAKEN for a name in use, changing nothing', async () => {
    await createPool({ name: 'taken' });
    const before = await latestVersion(context);

    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: { name: 'taken' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'NAME_TAKEN');
    assert.equal(response.json().error.field, 'name');
    assert.equal(await latestVersion(context), before);
  });

  it('should answer 400 with a clear message for malformed JSON', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'VALIDATION_FAILED');
    assert.match(response.json().error.message, /not valid JSON/);
  });
});

describe('GET /api/v1/pools', () => {
  it('should page and filter by name', async () => {
    await createPool({ name: 'list_alpha' });
    await createPool({ name: 'list_beta' });
    await createPool({ name: 'list_gamma' });

    const first = await context.app.inject({ url: '/api/v1/pools?q=LIST_&perPage=2' });
    const second = await context.app.inject({ url: '/api/v1/pools?q=list_&perPage=2&page=2' });

    assert.equal(first.statusCode, 200);
    assert.deepEqual(
      first.json().items.map((p: { name: string }) => p.name),
      ['list_alpha', 'list_beta'],
    );
    assert.equal(first.json().total, 3);
    assert.equal(first.json().perPage, 2);
    assert.deepEqual(
      second.json().items.map((p: { name: string }) => p.name),
      ['list_gamma'],
    );
  });

  it('should refuse a perPage over the limit naming the field', async () => {
    const response = await context.app.inject({ url: '/api/v1/pools?perPage=100000' });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'perPage');
  });
});

describe('GET /api/v1/pools/:id', () => {
  it('should read a pool', async () => {
    const created = await createPool({ name: 'read_me', description: 'mail backends' });

    const response = await context.app.inject({ url: `/api/v1/pools/${created.id}` });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().description, 'mail backends');
  });

  it('should answer 404 NOT_FOUND for an unknown id', async () => {
    const response = await context.app.inject({ url: '/api/v1/pools/999999' });

    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
  });

  it('should refuse an id that is not a number', async () => {
    const response = await context.app.inject({ url: '/api/v1/pools/abc' });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'id');
  });
});

describe('PATCH /api/v1/pools/:id', () => {
  it('should change only the fields sent', async () => {
    const created = await createPool({
      name: 'patch_me',
      loadBalancingMethod: 'RATIO',
      members: [{ address: '192.0.2.20' }],
    });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/pools/${created.id}`,
      payload: { description: 'changed' },
    });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().description, 'changed');
    assert.equal(response.json().loadBalancingMethod, 'RATIO');
    assert.equal(response.json().members.length, 1);
  });

  it('should replace the member list, keeping ids of members that stay', async () => {
    const created = await createPool({
      name: 'replace_members',
      members: [{ address: '192.0.2.30' }, { address: '192.0.2.31' }],
    });
    const kept = created.members[1];

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/pools/${created.id}`,
      payload: { members: [{ address: '192.0.2.31', ratio: 3 }, { address: '192.0.2.32' }] },
    });

    assert.equal(response.statusCode, 200);
    const members = response.json().members;
    assert.deepEqual(
      members.map((m: { address: string }) => m.address),
      ['192.0.2.31', '192.0.2.32'],
    );
    assert.equal(members[0].id, kept.id);
    assert.equal(members[0].ratio, 3);
  });

  it('should answer 409 NAME_TAKEN when renaming onto another pool', async () => {
    await createPool({ name: 'rename_target' });
    const created = await createPool({ name: 'rename_source' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/pools/${created.id}`,
      payload: { name: 'rename_target' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'NAME_TAKEN');
  });
});

describe('PUT /api/v1/pools/:id', () => {
  it('should replace the pool, resetting fields not sent', async () => {
    const created = await createPool({
      name: 'put_me',
      monitor: 'NONE',
      members: [{ address: '192.0.2.40' }],
    });

    const response = await context.app.inject({
      method: 'PUT',
      url: `/api/v1/pools/${created.id}`,
      payload: { name: 'put_me_too' },
    });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'put_me_too');
    assert.equal(response.json().monitor, 'SMTP');
    assert.deepEqual(response.json().members, []);
  });
});

describe('POST /api/v1/pools/:id/members', () => {
  it('should add a member', async () => {
    const created = await createPool({ name: 'add_member' });

    const response = await context.app.inject({
      method: 'POST',
      url: `/api/v1/pools/${created.id}/members`,
      payload: { address: '2001:db8::25', nodeName: 'mx6' },
    });

    assert.equal(response.statusCode, 201);
    assert.deepEqual(
      response.json().members.map((m: { nodeName: string }) => m.nodeName),
      ['mx6'],
    );
  });

  it('should answer 409 for a member already in the pool', async () => {
    const created = await createPool({ name: 'dup_member', members: [{ address: '192.0.2.50' }] });

    const response = await context.app.inject({
      method: 'POST',
      url: `/api/v1/pools/${created.id}/members`,
      payload: { address: '192.0.2.50' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'CONFLICT');
    assert.equal(response.json().error.field, 'address');
  });

  it('should answer 404 for an unknown pool', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools/999999/members',
      payload: { address: '192.0.2.50' },
    });

    assert.equal(response.statusCode, 404);
  });
});

describe('DELETE /api/v1/pools/:id/members/:memberId', () => {
  it('should remove a member', async () => {
    const created = await createPool({
      name: 'remove_member',
      members: [{ address: '192.0.2.60' }, { address: '192.0.2.61' }],
    });

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/pools/${created.id}/members/${created.members[0].id}`,
    });
    const after = await context.app.inject({ url: `/api/v1/pools/${created.id}` });

    assert.equal(response.statusCode, 204);
    assert.equal(response.body, '');
    assert.deepEqual(
      after.json().members.map((m: { address: string }) => m.address),
      ['192.0.2.61'],
    );
  });

  it('should answer 404 for a member of another pool', async () => {
    const one = await createPool({ name: 'member_owner', members: [{ address: '192.0.2.70' }] });
    const other = await createPool({ name: 'member_stranger' });

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/pools/${other.id}/members/${one.members[0].id}`,
    });

    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.field, 'memberId');
  });
});

describe('DELETE /api/v1/pools/:id', () => {
  it('should delete an unused pool, even with a JSON content type and no body', async () => {
    const created = await createPool({ name: 'delete_me', members: [{ address: '192.0.2.80' }] });

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/pools/${created.id}`,
      headers: { 'content-type': 'application/json' },
    });
    const after = await context.app.inject({ url: `/api/v1/pools/${created.id}` });

    assert.equal(response.statusCode, 204);
    assert.equal(after.statusCode, 404);
  });

  it('should answer 409 IN_USE naming the virtual server that uses it', async () => {
    const created = await createPool({ name: 'web' });
    const server = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_smtp', destinationAddress: '127.0.0.1', defaultPool: 'web' },
    });
    assert.equal(server.statusCode, 201, server.body);
    const before = await latestVersion(context);

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/pools/${created.id}`,
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'IN_USE');
    assert.match(response.json().error.message, /pool "web" is used by virtual server "vs_smtp"/);
    assert.equal(await latestVersion(context), before);
  });
});
