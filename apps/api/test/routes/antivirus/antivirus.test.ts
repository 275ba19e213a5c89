import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, latestVersion } from '../../helper.ts';
import { pullSnapshot } from '../../snapshot.ts';

const context = build();
const URL = '/api/v1/antivirus';

function put(payload: Record<string, unknown>) {
  return context.app.inject({ method: 'PUT', url: URL, payload });
}

describe('GET /api/v1/antivirus', () => {
  it('should start on the ICAP port with enforcement on and no server', async () => {
    const response = await context.app.inject({ url: URL });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      serverHostName: null,
      serverAddress: null,
      serverPort: 1344,
      guaranteeEnforcement: true,
    });
  });
});

describe('PUT /api/v1/antivirus', () => {
  it('should store a host name and publish it in a new snapshot', async () => {
    const before = await latestVersion(context);

    const response = await put({ serverHostName: 'icap.example.net', guaranteeEnforcement: false });

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().serverHostName, 'icap.example.net');
    const snapshot = await pullSnapshot(context);
    assert.equal(snapshot.version, before + 1);
    assert.deepEqual(snapshot.antivirus, {
      host: 'icap.example.net',
      port: 1344,
      guaranteeEnforcement: false,
    });
  });

  it('should prefer the address to the host name in the snapshot', async () => {
    await put({
      serverHostName: 'icap.example.net',
      serverAddress: '127.0.0.1',
      serverPort: 11344,
    });

    const snapshot = await pullSnapshot(context);

    assert.equal(snapshot.antivirus.host, '127.0.0.1');
    assert.equal(snapshot.antivirus.port, 11344);
  });

  it('should read an empty host name as none', async () => {
    const response = await put({ serverHostName: '', serverAddress: '127.0.0.1' });

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().serverHostName, null);
  });

  const refusals = [
    { payload: { serverHostName: 'not a host' }, field: 'serverHostName' },
    { payload: { serverAddress: '300.1.1.1' }, field: 'serverAddress' },
    { payload: { serverPort: 0 }, field: 'serverPort' },
    { payload: { guaranteeEnforcement: 'yes' }, field: 'guaranteeEnforcement' },
  ];

  for (const { payload, field } of refusals) {
    it(`should refuse a bad ${field} naming it, changing nothing`, async () => {
      const before = await latestVersion(context);

      const response = await put(payload);

      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED');
      assert.equal(response.json().error.field, field);
      assert.equal(await latestVersion(context), before);
    });
  }
});
