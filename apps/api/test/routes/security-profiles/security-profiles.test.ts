import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_SECURITY_PROFILE_SETTINGS,
  DEFAULT_VIOLATION_ACTIONS,
  VIOLATION_NAMES,
  ZSnapshot,
} from '@portcullis/contracts';
import { build, latestVersion, WORKER_AUTH } from '../../helper.ts';

const context = build();
const URL = '/api/v1/security-profiles';

async function createProfile(body: Record<string, unknown>) {
  const response = await context.app.inject({ method: 'POST', url: URL, payload: body });
  assert.equal(response.statusCode, 201, response.body);

  return response.json();
}

async function systemProfile() {
  const response = await context.app.inject({ url: `${URL}?q=smtp_security` });
  const profile = response.json().items.find((p: { name: string }) => p.name === 'smtp_security');
  assert.ok(profile, 'the seeded smtp_security profile exists');

  return profile;
}

async function newestSnapshot() {
  const response = await context.app.inject({ url: '/internal/v1/snapshot', headers: WORKER_AUTH });

  return ZSnapshot.parse(response.json());
}

describe('GET /api/v1/security-profiles', () => {
  it('should list the system profile with every action and setting', async () => {
    const profile = await systemProfile();

    assert.equal(profile.isSystem, true);
    assert.deepEqual(Object.keys(profile.actions).sort(), [...VIOLATION_NAMES].sort());
    assert.deepEqual(profile.settings, DEFAULT_SECURITY_PROFILE_SETTINGS);
  });

  it('should fill in defaults missing from a stored profile', async () => {
    await context.prisma.securityProfile.create({
      data: {
        name: 'old_release',
        actions: { spf_fail: { alarm: false, block: false } },
        settings: { greylisting: { holdSeconds: 30 } },
      },
    });

    const response = await context.app.inject({ url: `${URL}?q=old_release` });
    const [profile] = response.json().items;

    assert.deepEqual(profile.actions.spf_fail, { alarm: false, block: false });
    assert.deepEqual(profile.actions.rfc_syntax, DEFAULT_VIOLATION_ACTIONS.rfc_syntax);
    assert.equal(profile.settings.greylisting.holdSeconds, 30);
    assert.equal(profile.settings.greylisting.retryWindowSeconds, 86_400);
    assert.deepEqual(profile.settings.spf, DEFAULT_SECURITY_PROFILE_SETTINGS.spf);
  });

  it('should list profiles in name order', async () => {
    await createProfile({ name: 'aaa_listed_first' });

    const response = await context.app.inject({ url: URL });
    const names = response.json().items.map((p: { name: string }) => p.name);

    assert.deepEqual(names, [...names].sort());
    assert.equal(names[0], 'aaa_listed_first');
  });
});

describe('POST /api/v1/security-profiles', () => {
  it('should create a profile, filling in what was left out, in a new snapshot', async () => {
    const before = await latestVersion(context);

    const profile = await createProfile({
      name: 'strict',
      actions: { spf_softfail: { alarm: true, block: true } },
      settings: { validation: { maxRecipients: 5 } },
    });

    assert.equal(profile.isSystem, false);
    assert.deepEqual(profile.serviceProfiles, []);
    assert.deepEqual(profile.actions.spf_softfail, { alarm: true, block: true });
    assert.deepEqual(profile.actions.spf_fail, DEFAULT_VIOLATION_ACTIONS.spf_fail);
    assert.equal(profile.settings.validation.maxRecipients, 5);
    assert.equal(profile.settings.validation.maxMessageBytes, 10 * 1024 * 1024);
    const snapshot = await newestSnapshot();
    assert.equal(snapshot.version, before + 1);
    const compiled = snapshot.securityProfiles.find((p) => p.name === 'strict');
    assert.equal(compiled?.settings.validation.maxRecipients, 5);
  });

  it('should refuse a setting out of range naming the field', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: URL,
      payload: { name: 'bad_hold', settings: { greylisting: { holdSeconds: -1 } } },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'VALIDATION_FAILED');
    assert.equal(response.json().error.field, 'settings.greylisting.holdSeconds');
  });

  it('should refuse an action that is not a boolean naming the field', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: URL,
      payload: { name: 'bad_action', actions: { spf_fail: { alarm: 'yes', block: true } } },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'actions.spf_fail.alarm');
  });

  it('should answer 409 NAME_TAKEN for the system name', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: URL,
      payload: { name: 'smtp_security' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'NAME_TAKEN');
  });
});

describe('PATCH /api/v1/security-profiles/:id', () => {
  it('should change only the nested setting it names', async () => {
    const created = await createProfile({
      name: 'merge_me',
      description: 'kept',
      actions: { rfc_sequence: { alarm: true, block: false } },
      settings: { greylisting: { retryWindowSeconds: 7200 }, rateLimits: { ipv6PrefixLength: 56 } },
    });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `${URL}/${created.id}`,
      payload: { settings: { greylisting: { holdSeconds: 60 } } },
    });

    assert.equal(response.statusCode, 200, response.body);
    const expected = structuredClone(created);
    expected.settings.greylisting.holdSeconds = 60;
    assert.deepEqual(response.json(), expected);
  });

  it('should change one flag of one action and keep the other', async () => {
    const created = await createProfile({ name: 'one_flag' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `${URL}/${created.id}`,
      payload: { actions: { spf_fail: { block: false } } },
    });

    assert.deepEqual(response.json().actions.spf_fail, { alarm: true, block: false });
    assert.deepEqual(response.json().actions.rfc_syntax, created.actions.rfc_syntax);
  });

  it('should replace a list rather than merge it', async () => {
    const created = await createProfile({ name: 'list_owner' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `${URL}/${created.id}`,
      payload: { settings: { methods: { disallowed: ['VRFY'] } } },
    });

    assert.deepEqual(response.json().settings.methods.disallowed, ['VRFY']);
    assert.deepEqual(response.json().settings.methods.allowed, []);
  });

  it('should refuse a nested value out of range naming the field, changing nothing', async () => {
    const created = await createProfile({ name: 'stays_put' });
    const before = await latestVersion(context);

    const response = await context.app.inject({
      method: 'PATCH',
      url: `${URL}/${created.id}`,
      payload: { settings: { rateLimits: { ipv6PrefixLength: 200 } } },
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'settings.rateLimits.ipv6PrefixLength');
    assert.equal(await latestVersion(context), before);
  });

  it('should let the system profile change its settings but not its name', async () => {
    const system = await systemProfile();
    const url = `${URL}/${system.id}`;

    const changed = await context.app.inject({
      method: 'PATCH',
      url,
      payload: { remoteLogging: true, settings: { spf: { dnsTimeoutMs: 1500 } } },
    });
    const renamed = await context.app.inject({ method: 'PATCH', url, payload: { name: 'other' } });

    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().remoteLogging, true);
    assert.equal(changed.json().settings.spf.dnsTimeoutMs, 1500);
    assert.equal(renamed.statusCode, 409);
    assert.equal(renamed.json().error.code, 'SYSTEM_OBJECT');
    assert.equal(renamed.json().error.field, 'name');
  });
});

describe('PUT /api/v1/security-profiles/:id', () => {
  it('should replace every value, resetting what was left out to its default', async () => {
    const created = await createProfile({
      name: 'replaced',
      remoteLogging: true,
      settings: { harvest: { blockSeconds: 60 } },
    });

    const response = await context.app.inject({
      method: 'PUT',
      url: `${URL}/${created.id}`,
      payload: { name: 'replaced_renamed', settings: { spf: { dnsTimeoutMs: 800 } } },
    });

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().name, 'replaced_renamed');
    assert.equal(response.json().remoteLogging, false);
    assert.equal(response.json().settings.harvest.blockSeconds, 600);
    assert.equal(response.json().settings.spf.dnsTimeoutMs, 800);
  });

  it('should answer 409 NAME_TAKEN for another profile\'s name', async () => {
    const created = await createProfile({ name: 'wants_name' });

    const response = await context.app.inject({
      method: 'PUT',
      url: `${URL}/${created.id}`,
      payload: { name: 'strict' },
    });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'NAME_TAKEN');
  });
});

describe('DELETE /api/v1/security-profiles/:id', () => {
  it('should delete an unused profile', async () => {
    const created = await createProfile({ name: 'disposable' });

    const response = await context.app.inject({ method: 'DELETE', url: `${URL}/${created.id}` });
    const read = await context.app.inject({ url: `${URL}/${created.id}` });

    assert.equal(response.statusCode, 204);
    assert.equal(read.statusCode, 404);
    assert.equal(read.json().error.code, 'NOT_FOUND');
  });

  it('should answer 409 SYSTEM_OBJECT for the system profile', async () => {
    const system = await systemProfile();

    const response = await context.app.inject({ method: 'DELETE', url: `${URL}/${system.id}` });

    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'SYSTEM_OBJECT');
  });

  it('should answer 409 IN_USE naming the service profile assigned it', async () => {
    const created = await createProfile({ name: 'assigned' });
    const service = await context.app.inject({
      method: 'POST',
      url: '/api/v1/service-profiles',
      payload: { name: 'uses_assigned' },
    });
    assert.equal(service.statusCode, 201, service.body);
    const assignment = await context.app.inject({
      method: 'PUT',
      url: '/api/v1/profile-assignments/smtp',
      payload: { assignments: [{ serviceProfile: 'uses_assigned', securityProfile: 'assigned' }] },
    });
    assert.equal(assignment.statusCode, 200, assignment.body);

    const read = await context.app.inject({ url: `${URL}/${created.id}` });
    const response = await context.app.inject({ method: 'DELETE', url: `${URL}/${created.id}` });

    assert.deepEqual(read.json().serviceProfiles, ['uses_assigned']);
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'IN_USE');
    assert.match(response.json().error.message, /assigned to service profile "uses_assigned"/);
  });
});
