import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TProfileAssignments, ZSnapshot } from '@portcullis/contracts';
import { build, latestVersion, type TTestContext, WORKER_AUTH } from '../../helper.ts';

const URL = '/api/v1/profile-assignments';

async function post(context: TTestContext, url: string, payload: Record<string, unknown>) {
  const response = await context.app.inject({ method: 'POST', url, payload });
  assert.equal(response.statusCode, 201, response.body);

  return response.json();
}

const context = build({
  setup: async (ready) => {
    // zeta is created before alpha: "first-listed" must follow names, not ids.
    await post(ready, '/api/v1/security-profiles', { name: 'zeta' });
    await post(ready, '/api/v1/security-profiles', { name: 'alpha' });
    await post(ready, '/api/v1/service-profiles', { name: 'guarded', protocolSecurity: true });
    await post(ready, '/api/v1/service-profiles', { name: 'open', protocolSecurity: false });
    await post(ready, '/api/v1/virtual-servers', {
      name: 'vs_guarded',
      destinationAddress: '127.0.0.1',
      serviceProfile: 'guarded',
    });
    await post(ready, '/api/v1/virtual-servers', {
      name: 'vs_open',
      destinationAddress: '127.0.0.2',
      serviceProfile: 'open',
    });
  },
});

async function assignments(): Promise<TProfileAssignments> {
  const response = await context.app.inject({ url: URL });
  assert.equal(response.statusCode, 200, response.body);

  return response.json();
}

async function smtpRow(serviceProfile: string) {
  const smtp = (await assignments()).protocols.find((p) => p.protocol === 'SMTP');

  return smtp?.rows.find((row) => row.serviceProfile === serviceProfile);
}

function save(payload: Record<string, unknown>) {
  return context.app.inject({ method: 'PUT', url: `${URL}/smtp`, payload });
}

describe('GET /api/v1/profile-assignments', () => {
  it('should show HTTP and FTP empty with a note, one SMTP row per service profile', async () => {
    const { protocols } = await assignments();
    const [http, ftp, smtp] = protocols;

    assert.deepEqual(
      protocols.map((p) => p.protocol),
      ['HTTP', 'FTP', 'SMTP'],
    );
    assert.deepEqual(http?.rows, []);
    assert.match(http?.note ?? '', /SMTP only/);
    assert.deepEqual(ftp?.rows, []);
    assert.equal(smtp?.note, null);
    assert.deepEqual(
      smtp?.rows.map((row) => row.serviceProfile),
      ['guarded', 'open', 'smtp'],
    );
  });

  it('should show virtual servers, effective Protocol Security and the assignment', async () => {
    const guarded = await smtpRow('guarded');
    const open = await smtpRow('open');

    assert.deepEqual(guarded, {
      serviceProfile: 'guarded',
      protocolSecurity: true,
      virtualServers: ['vs_guarded'],
      securityProfile: 'alpha',
    });
    assert.equal(open?.protocolSecurity, false);
    assert.deepEqual(open?.virtualServers, ['vs_open']);
  });
});

describe('Protocol Security switched on', () => {
  it('should assign the first-listed security profile by name', async () => {
    const created = await post(context, '/api/v1/service-profiles', { name: 'switched' });

    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/service-profiles/${created.id}`,
      payload: { protocolSecurity: true },
    });

    assert.equal(response.json().securityProfile, 'alpha');
    const row = await context.prisma.serviceProfile.findUnique({ where: { id: created.id } });
    const alpha = await context.prisma.securityProfile.findUnique({ where: { name: 'alpha' } });
    assert.equal(row?.securityProfileId, alpha?.id, 'the assignment is stored, not only shown');
  });

  it('should keep an assignment inherited from the parent', async () => {
    await post(context, '/api/v1/service-profiles', { name: 'zeta_parent' });
    const assigned = await save({
      assignments: [{ serviceProfile: 'zeta_parent', securityProfile: 'zeta' }],
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const child = await post(context, '/api/v1/service-profiles', {
      name: 'zeta_child',
      parent: 'zeta_parent',
      protocolSecurity: true,
    });

    const row = await context.prisma.serviceProfile.findUnique({ where: { id: child.id } });

    assert.equal(child.securityProfile, 'zeta');
    assert.equal(row?.securityProfileId, null, 'inherits rather than copies');
  });
});

describe('PUT /api/v1/profile-assignments/smtp', () => {
  it('should save every row in one new snapshot that carries the assignment', async () => {
    const before = await latestVersion(context);

    const response = await save({
      assignments: [
        { serviceProfile: 'guarded', securityProfile: 'zeta' },
        { serviceProfile: 'open', securityProfile: 'zeta' },
        { serviceProfile: 'smtp', securityProfile: 'smtp_security' },
      ],
    });

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(await latestVersion(context), before + 1);
    const smtp = (response.json() as TProfileAssignments).protocols[2];
    const guarded = smtp?.rows.find((row) => row.serviceProfile === 'guarded');
    assert.equal(guarded?.securityProfile, 'zeta');
    const snapshotResponse = await context.app.inject({
      url: '/internal/v1/snapshot',
      headers: WORKER_AUTH,
    });
    const snapshot = ZSnapshot.parse(snapshotResponse.json());
    const servers = new Map(snapshot.virtualServers.map((s) => [s.name, s.securityProfile]));
    assert.equal(servers.get('vs_guarded'), 'zeta');
    assert.equal(servers.get('vs_open'), null, 'Protocol Security is off there');
  });

  it('should refuse an unknown security profile naming the row, changing nothing', async () => {
    const before = await latestVersion(context);

    const response = await save({
      assignments: [
        { serviceProfile: 'guarded', securityProfile: 'alpha' },
        { serviceProfile: 'open', securityProfile: 'missing' },
      ],
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'INVALID_REFERENCE');
    assert.equal(response.json().error.field, 'assignments.1.securityProfile');
    assert.equal(await latestVersion(context), before);
    assert.equal((await smtpRow('guarded'))?.securityProfile, 'zeta');
  });

  it('should refuse an unknown service profile naming the row', async () => {
    const response = await save({
      assignments: [{ serviceProfile: 'nobody', securityProfile: 'alpha' }],
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'assignments.0.serviceProfile');
  });

  it('should refuse a service profile listed twice', async () => {
    const response = await save({
      assignments: [
        { serviceProfile: 'open', securityProfile: 'alpha' },
        { serviceProfile: 'open', securityProfile: 'zeta' },
      ],
    });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'assignments.1.serviceProfile');
  });

  it('should refuse a body without assignments naming the field', async () => {
    const response = await save({});

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'assignments');
  });
});
