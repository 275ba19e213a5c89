import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';

const context = build();

async function createProfile(body: Record<string, unknown>) {
  const response = await context.app.inject({
    method: 'POST',
    url: '/api/v1/service-profiles',
    payload: body,
  });
  assert.equal(response.statusCode, 201, response.body);

  return response.json();
}

async function systemProfile() {
  const response = await context.app.inject({ url: '/api/v1/service-profiles?q=smtp' });
  const smtp = response.json().items.find((p: { name: string }) => p.name === 'smtp');
  assert.ok(smtp, 'the seeded smtp profile exists');

  return smtp;
}

describe('GET /api/v1/service-profiles', () => {
  it('should list the system smtp profile', async () => {
    const smtp = await systemProfile();

    assert.equal(smtp.isSystem, true);
    assert.equal(smtp.parent, null);
    assert.deepEqual(smtp.effective, { protocolSecurity: false });
  });
});

describe('POST /api/v1/service-profiles', () => {
  it('should create a profile inheriting from smtp by default', async () => {
    const profile = await createProfile({ name: 'inherits' });

    assert.equal(profile.parent, 'smtp');
    assert.equal(profile.protocolSecurity, null);
    assert.deepEqual(profile.effective, { protocolSecurity: false });
    assert.equal(profile.securityProfile, null);
  });

  it('should assign the first security profile when Protocol Security is on', async () => {
    const profile = await createProfile({ name: 'secured', protocolSecurity: true });

    assert.deepEqual(profile.effective, { protocolSecurity: true });
    assert.equal(profile.securityProfile, 'smtp_security');
  });

  it('should resolve a null setting through the parent chain', async () => {
    await createProfile({ name: 'chain_parent', protocolSecurity: true });
    const child = await createProfile({ name: 'chain_child', parent: 'chain_parent' });

    assert.equal(child.protocolSecurity, null);
    assert.deepEqual(child.effective, { protocolSecurity: true });
    assert.equal(child.securityProfile, 'smtp_security');
  });

  it('should answer 400 INVALID_REFERENCE for an unknown parent', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/service-profiles',
      payload: { name: 'orphan', parent: 'nobody' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'INVALID_REFERENCE');
    assert.equal(response.json().error.field, 'parent');
  });

  it('should answer 409 NAME_TAKEN for the system name', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/service-profiles',
      payload: { name: 'smtp' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'NAME_TAKEN');
  });

  it('should refuse a malformed name naming the field', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/service-profiles',
      payload: { name: 'has space' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'name');
    assert.match(response.json().error.message, /letters, digits/);
  });
});

describe('GET /api/v1/service-profiles/:id', () => {
  it('should read a profile', async () => {
    const created = await createProfile({ name: 'readable' });

    const response = await context.app.inject({ url: `/api/v1/service-profiles/${created.id}` });

    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'readable');
  });
});

describe('PATCH /api/v1/service-profiles/:id', () => {
  it('should let a child override and then inherit again', async () => {
    await createProfile({ name: 'flip_parent', protocolSecurity: true });
    const child = await createProfile({ name: 'flip_child', parent: 'flip_parent' });
    const url = `/api/v1/service-profiles/${child.id}`;

    const patch = (payload: object) => context.app.inject({ method: 'PATCH', url, payload });

    const off = await patch({ protocolSecurity: false });
    const inherit = await patch({ protocolSecurity: null });

    assert.deepEqual(off.json().effective, { protocolSecurity: false });
    assert.equal(off.json().securityProfile, null);
    assert.deepEqual(inherit.json().effective, { protocolSecurity: true });
  });

  it('should answer 409 SYSTEM_OBJECT when renaming the system profile', async () => {
    const smtp = await systemProfile();

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/service-profiles/${smtp.id}`,
      payload: { name: 'renamed' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'SYSTEM_OBJECT');
    assert.equal(response.json().error.field, 'name');
  });

  it('should let the system profile change its settings', async () => {
    const smtp = await systemProfile();
    const url = `/api/v1/service-profiles/${smtp.id}`;

    const put = { name: 'smtp', protocolSecurity: true };

    const on = await context.app.inject({ method: 'PUT', url, payload: put });
    const off = await context.app.inject({
      method: 'PATCH',
      url,
      payload: { protocolSecurity: false },
    });

    assert.equal(on.statusCode, 200, on.body);
    assert.deepEqual(on.json().effective, { protocolSecurity: true });
    assert.equal(on.json().parent, null);
    assert.deepEqual(off.json().effective, { protocolSecurity: false });
  });

  it('should refuse a parent that inherits from the profile', async () => {
    const top = await createProfile({ name: 'cycle_top' });
    await createProfile({ name: 'cycle_bottom', parent: 'cycle_top' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/service-profiles/${top.id}`,
      payload: { parent: 'cycle_bottom' },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'parent');
  });
});

describe('DELETE /api/v1/service-profiles/:id', () => {
  it('should delete an unused profile', async () => {
    const created = await createProfile({ name: 'disposable' });

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/service-profiles/${created.id}`,
    });

    assert.equal(response.statusCode, 204);
  });

  it('should answer 409 SYSTEM_OBJECT for the system profile', async () => {
    const smtp = await systemProfile();

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/service-profiles/${smtp.id}`,
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'SYSTEM_OBJECT');
  });

  it('should answer 409 IN_USE naming the virtual server using it', async () => {
    const profile = await createProfile({ name: 'used_profile' });
    const server = await context.app.inject({
      method: 'POST',
      url: '/api/v1/virtual-servers',
      payload: { name: 'vs_user', destinationAddress: '127.0.0.1', serviceProfile: 'used_profile' },
    });
    assert.equal(server.statusCode, 201, server.body);

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/service-profiles/${profile.id}`,
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'IN_USE');
    assert.match(response.json().error.message, /used by virtual server "vs_user"/);
  });

  it('should answer 409 IN_USE naming a child profile', async () => {
    const parent = await createProfile({ name: 'has_child' });
    await createProfile({ name: 'the_child', parent: 'has_child' });

    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/service-profiles/${parent.id}`,
    });

    assert.equal(response.statusCode, 409);
    assert.match(response.json().error.message, /parent of service profile "the_child"/);
  });
});
