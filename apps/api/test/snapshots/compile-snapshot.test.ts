import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZSnapshot, type TSnapshot } from '@portcullis/contracts';
import { build, WORKER_AUTH } from '../helper.ts';

const context = build();

async function post(url: string, payload: Record<string, unknown>) {
  const response = await context.app.inject({ method: 'POST', url, payload });
  assert.equal(response.statusCode, 201, response.body);

  return response.json();
}

async function newestSnapshot(): Promise<TSnapshot> {
  const response = await context.app.inject({ url: '/internal/v1/snapshot', headers: WORKER_AUTH });

  return ZSnapshot.parse(response.json());
}

describe('compileSnapshot', () => {
  it('should start a fresh database at version 1', async () => {
    const snapshot = await newestSnapshot();

    assert.equal(snapshot.version, 1);
    assert.deepEqual(snapshot.virtualServers, []);
    assert.equal(snapshot.antivirus.port, 1344);
  });

  it('should resolve names and apply service-profile inheritance', async () => {
    await post('/api/v1/pools', { name: 'web', members: [{ address: '192.0.2.5', ratio: 2 }] });
    await post('/api/v1/service-profiles', { name: 'secure', protocolSecurity: true });
    await post('/api/v1/service-profiles', { name: 'secure_child', parent: 'secure' });
    await post('/api/v1/virtual-servers', {
      name: 'vs_secure',
      destinationAddress: '127.0.0.1',
      serviceProfile: 'secure_child',
      defaultPool: 'web',
    });
    await post('/api/v1/virtual-servers', {
      name: 'vs_plain',
      destinationType: 'NETWORK',
      destinationAddress: '10.0.0.0',
      destinationMask: '255.0.0.0',
    });

    const snapshot = await newestSnapshot();
    const [plain, secure] = snapshot.virtualServers;

    assert.deepEqual(
      snapshot.virtualServers.map((server) => server.name),
      ['vs_plain', 'vs_secure'],
    );
    assert.equal(secure?.pool, 'web');
    assert.equal(secure?.serviceProfile, 'secure_child');
    assert.equal(secure?.securityProfile, 'smtp_security');
    assert.equal(plain?.serviceProfile, 'smtp');
    assert.equal(plain?.securityProfile, null);
    assert.deepEqual(plain?.destination, {
      type: 'NETWORK',
      address: '10.0.0.0',
      mask: '255.0.0.0',
    });
    assert.deepEqual(snapshot.pools[0]?.members.map((m) => [m.address, m.port, m.ratio]), [
      ['192.0.2.5', 25, 2],
    ]);
  });

  it('should fill in security defaults and prefer the ICAP address to its name', async () => {
    await context.prisma.securityProfile.updateMany({ data: { actions: {}, settings: {} } });
    await context.prisma.antivirusOptions.update({
      where: { id: 1 },
      data: { serverHostName: 'icap.example', serverAddress: '127.0.0.1', serverPort: 11344 },
    });
    await post('/api/v1/pools', { name: 'trigger' });

    const snapshot = await newestSnapshot();
    const security = snapshot.securityProfiles.find((p) => p.name === 'smtp_security');

    assert.deepEqual(security?.actions.rfc_syntax, { alarm: true, block: true });
    assert.equal(security?.settings.compliance.maxCommandLineOctets, 512);
    assert.deepEqual(snapshot.antivirus, {
      host: '127.0.0.1',
      port: 11344,
      guaranteeEnforcement: true,
    });
    assert.equal(typeof snapshot.internalParameters.icap_uri, 'string');
  });
});

describe('snapshot versions', () => {
  it('should increment on each change and not on a failed one', async () => {
    const start = (await newestSnapshot()).version;

    const pool = await post('/api/v1/pools', { name: 'versioned' });
    const invalid = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: { name: '1bad' },
    });
    const missing = await context.app.inject({
      method: 'PATCH',
      url: '/api/v1/pools/987654',
      payload: { description: 'x' },
    });
    const usedPool = await context.prisma.pool.findUnique({ where: { name: 'web' } });
    const inUse = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/pools/${usedPool?.id}`,
    });
    const afterFailures = (await newestSnapshot()).version;
    await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/pools/${pool.id}`,
      payload: { description: 'changed' },
    });

    assert.deepEqual([invalid.statusCode, missing.statusCode, inUse.statusCode], [400, 404, 409]);
    assert.equal(afterFailures, start + 1);
    assert.equal((await newestSnapshot()).version, start + 2);
  });

  it('should give concurrent changes consecutive versions, each on top of the last', async () => {
    const start = (await newestSnapshot()).version;
    const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

    const responses = await Promise.all(
      names.map((name) =>
        context.app.inject({ method: 'POST', url: '/api/v1/pools', payload: { name } }),
      ),
    );
    const rows = await context.prisma.configSnapshot.findMany({
      where: { version: { gt: start } },
      orderBy: { version: 'asc' },
    });

    assert.ok(responses.every((response) => response.statusCode === 201));
    assert.deepEqual(
      rows.map((row) => row.version),
      names.map((_, index) => start + index + 1),
    );
    for (const row of rows) {
      assert.equal((row.snapshot as TSnapshot).version, row.version);
    }
    const last = rows.at(-1)?.snapshot as TSnapshot;
    for (const name of names) assert.ok(last.pools.some((pool) => pool.name === name));
  });
});
