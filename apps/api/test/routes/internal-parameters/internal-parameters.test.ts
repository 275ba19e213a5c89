import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, latestVersion } from '../../helper.ts';
import { pullSnapshot } from '../../snapshot.ts';

const context = build();
const URL = '/api/v1/internal-parameters';

function setValue(name: string, value: unknown) {
  return context.app.inject({ method: 'PUT', url: `${URL}/${name}`, payload: { value } });
}

describe('GET /api/v1/internal-parameters', () => {
  it('should list the parameters with value, default and description', async () => {
    const response = await context.app.inject({ url: URL });

    assert.equal(response.statusCode, 200);
    const icap = response.json().items.find((p: { name: string }) => p.name === 'icap_uri');
    assert.deepEqual(Object.keys(icap).sort(), ['defaultValue', 'description', 'name', 'value']);
    assert.equal(icap.value, icap.defaultValue);
    assert.ok(icap.description.length > 0);
    assert.ok(response.json().total >= 4);
  });
});

describe('PUT /api/v1/internal-parameters/:name', () => {
  it('should set a value and publish it in a new snapshot', async () => {
    const before = await latestVersion(context);

    const response = await setValue('icap_uri', 'srv_clamav');

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().value, 'srv_clamav');
    const snapshot = await pullSnapshot(context);
    assert.equal(snapshot.version, before + 1);
    assert.equal(snapshot.internalParameters.icap_uri, 'srv_clamav');
  });

  const accepted = [
    { name: 'icap_uri', value: '/scan/avscan', stored: 'scan/avscan' },
    {
      name: 'virus_header_name',
      value: ' X-Virus-Name , X-Infection-Found ',
      stored: 'X-Virus-Name,X-Infection-Found',
    },
    { name: 'icap_timeout_ms', value: '5000', stored: '5000' },
    { name: 'icap_preview_bytes', value: '0', stored: '0' },
  ];

  for (const { name, value, stored } of accepted) {
    it(`should accept ${name} = "${value}" as "${stored}"`, async () => {
      const response = await setValue(name, value);

      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().value, stored);
    });
  }

  const refused = [
    { name: 'icap_uri', value: 'av scan' },
    { name: 'icap_uri', value: '../etc' },
    { name: 'icap_uri', value: 'avscan?allow204=on' },
    { name: 'icap_uri', value: '' },
    { name: 'virus_header_name', value: 'X-Virus-Name,' },
    { name: 'virus_header_name', value: 'X Virus' },
    { name: 'icap_timeout_ms', value: '0' },
    { name: 'icap_timeout_ms', value: '-5' },
    { name: 'icap_timeout_ms', value: '1.5' },
    { name: 'icap_preview_bytes', value: 'many' },
  ];

  for (const { name, value } of refused) {
    it(`should refuse ${name} = "${value}" naming the value`, async () => {
      const before = await latestVersion(context);

      const response = await setValue(name, value);

      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED');
      assert.equal(response.json().error.field, 'value');
      assert.match(response.json().error.message, new RegExp(`^${name} takes`));
      assert.equal(await latestVersion(context), before);
    });
  }

  it('should refuse a value that is not text', async () => {
    const response = await setValue('icap_timeout_ms', 5000);

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'value');
  });

  it('should answer 404 for an unknown parameter', async () => {
    const response = await setValue('no_such_parameter', '1');

    assert.equal(response.statusCode, 404);
    assert.match(response.json().error.message, /no internal parameter named "no_such_parameter"/);
  });
});

describe('POST /api/v1/internal-parameters/:name/reset', () => {
  it('should put the default back in a new snapshot', async () => {
    await setValue('icap_timeout_ms', '2500');
    const before = await latestVersion(context);

    const response = await context.app.inject({
      method: 'POST',
      url: `${URL}/icap_timeout_ms/reset`,
    });

    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().value, response.json().defaultValue);
    assert.equal(response.json().value, '10000');
    const snapshot = await pullSnapshot(context);
    assert.equal(snapshot.version, before + 1);
    assert.equal(snapshot.internalParameters.icap_timeout_ms, '10000');
  });
});
