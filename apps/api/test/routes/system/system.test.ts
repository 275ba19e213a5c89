import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, latestVersion } from '../../helper.ts';
import { pullSnapshot } from '../../snapshot.ts';

const context = build();

function put(url: string, payload: Record<string, unknown>) {
  return context.app.inject({ method: 'PUT', url, payload });
}

describe('GET /api/v1/system/dns', () => {
  it('should start with no resolvers (the system ones) and a 2 s limit', async () => {
    const response = await context.app.inject({ url: '/api/v1/system/dns' });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { resolvers: [], timeoutMs: 2000 });
  });
});

describe('PUT /api/v1/system/dns', () => {
  it('should store addresses with and without ports in a new snapshot', async () => {
    const resolvers = ['192.0.2.53', '192.0.2.54:5353', '2001:db8::53', '[2001:db8::54]:53'];
    const before = await latestVersion(context);

    const response = await put('/api/v1/system/dns', { resolvers, timeoutMs: 1500 });

    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { resolvers, timeoutMs: 1500 });
    const snapshot = await pullSnapshot(context);
    assert.equal(snapshot.version, before + 1);
    assert.deepEqual(snapshot.dns, { resolvers, timeoutMs: 1500 });
  });

  const refusals = [
    { payload: { resolvers: ['192.0.2.1', 'dns.example'] }, field: 'resolvers.1' },
    { payload: { resolvers: ['192.0.2.1:0'] }, field: 'resolvers.0' },
    { payload: { resolvers: ['[2001:db8::1]:99999'] }, field: 'resolvers.0' },
    { payload: { resolvers: ['192.0.2.1', '192.0.2.1'] }, field: 'resolvers.1' },
    { payload: { timeoutMs: 10 }, field: 'timeoutMs' },
  ];

  for (const { payload, field } of refusals) {
    it(`should refuse ${JSON.stringify(payload)}`, async () => {
      const before = await latestVersion(context);

      const response = await put('/api/v1/system/dns', payload);

      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.field, field);
      assert.equal(await latestVersion(context), before);
    });
  }
});

describe('PUT /api/v1/system/dns with IPv6', () => {
  it('should read a bare IPv6 address ending in :53 as an address, as Node does', async () => {
    const response = await put('/api/v1/system/dns', { resolvers: ['2001:db8::1:53'] });

    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().resolvers, ['2001:db8::1:53']);
  });
});

describe('GET /api/v1/system/logging', () => {
  it('should start switched off on the syslog port over UDP', async () => {
    const response = await context.app.inject({ url: '/api/v1/system/logging' });

    assert.deepEqual(response.json(), { enabled: false, host: null, port: 514, transport: 'UDP' });
  });
});

describe('PUT /api/v1/system/logging', () => {
  it('should store the server and publish it in a new snapshot', async () => {
    const server = { enabled: true, host: 'logs.example.net', port: 6514, transport: 'TCP' };
    const before = await latestVersion(context);

    const response = await put('/api/v1/system/logging', server);

    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), server);
    const snapshot = await pullSnapshot(context);
    assert.equal(snapshot.version, before + 1);
    assert.deepEqual(snapshot.remoteLogging, server);
  });

  const refusals = [
    { payload: { enabled: true }, field: 'host' },
    { payload: { enabled: true, host: '' }, field: 'host' },
    { payload: { host: 'bad host' }, field: 'host' },
    { payload: { host: '192.0.2.1', port: 70000 }, field: 'port' },
    { payload: { host: '192.0.2.1', transport: 'SCTP' }, field: 'transport' },
  ];

  for (const { payload, field } of refusals) {
    it(`should refuse ${JSON.stringify(payload)} naming ${field}`, async () => {
      const response = await put('/api/v1/system/logging', payload);

      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED');
      assert.equal(response.json().error.field, field);
    });
  }

  it('should accept an IP address as the host while switched off', async () => {
    const response = await put('/api/v1/system/logging', { host: '192.0.2.9' });

    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      enabled: false,
      host: '192.0.2.9',
      port: 514,
      transport: 'UDP',
    });
  });
});
