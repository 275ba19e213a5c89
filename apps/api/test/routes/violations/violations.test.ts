import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';
import { ingest, type TViolationInput, violationRecord } from '../../records.ts';

// Six violations that differ in every filtered field; named for the tests below.
const RECORDS = {
  a: violationRecord({
    time: '2026-03-01T10:00:00.000Z',
    violation: 'spf_fail',
    virtualServer: 'vs_a',
    securityProfile: 'strict',
    serviceProfile: 'svc_a',
    clientAddress: '192.0.2.10',
    details: { transcript: ['C: MAIL FROM:<sender@example.org>', 'S: 550 5.7.23 SPF fail'] },
  }),
  b: violationRecord({
    time: '2026-03-01T10:05:00.000Z',
    violation: 'disallowed_method',
    virtualServer: 'vs_b',
    securityProfile: 'smtp_security',
    serviceProfile: 'svc_b',
    clientAddress: '192.0.2.200',
  }),
  c: violationRecord({
    time: '2026-03-01T10:10:00.000Z',
    violation: 'spf_fail',
    virtualServer: 'vs_b',
    securityProfile: 'strict',
    serviceProfile: 'svc_b',
    clientAddress: '198.51.100.7',
  }),
  d: violationRecord({
    time: '2026-03-01T10:15:00.000Z',
    violation: 'virus_detected',
    virtualServer: 'vs_a',
    securityProfile: 'smtp_security',
    serviceProfile: 'svc_a',
    clientAddress: '2001:db8::5',
  }),
  e: violationRecord({
    time: '2026-03-01T10:20:00.000Z',
    violation: 'rfc_syntax',
    virtualServer: 'vs_a',
    securityProfile: 'strict',
    serviceProfile: 'svc_a',
    clientAddress: '2001:db8:1::9',
  }),
  f: violationRecord({
    time: '2026-03-01T09:00:00.000Z',
    violation: 'greylisted',
    virtualServer: 'vs_c',
    securityProfile: 'smtp_security',
    serviceProfile: 'svc_c',
    clientAddress: '::ffff:192.0.2.11',
  }),
} satisfies Record<string, TViolationInput>;

type TName = keyof typeof RECORDS;

const context = build({
  setup: async (ready) => ingest(ready, 'violations', Object.values(RECORDS)),
});

async function search(query: string) {
  const response = await context.app.inject({ url: `/api/v1/violations?${query}` });
  assert.equal(response.statusCode, 200, response.body);

  return response.json();
}

function namesOf(items: Array<{ supportId: string }>): TName[] {
  const byId = new Map(Object.entries(RECORDS).map(([name, r]) => [r.supportId, name as TName]));

  return items.map((item) => byId.get(item.supportId) as TName);
}

describe('GET /api/v1/violations', () => {
  it('should list every violation newest first with its id', async () => {
    const page = await search('');

    assert.equal(page.total, 6);
    assert.deepEqual(namesOf(page.items), ['e', 'd', 'c', 'b', 'a', 'f']);
    assert.equal(typeof page.items[0].id, 'number');
    assert.equal(page.items[0].workerId, 'worker-test');
    assert.deepEqual(page.items[0].rcptTo, ['user@example.com']);
    assert.deepEqual(page.items[4].details, RECORDS.a.details);
    assert.equal(page.items[3].details, null);
  });

  const filters: Array<{ query: string; expected: TName[] }> = [
    { query: 'protocol=SMTP', expected: ['e', 'd', 'c', 'b', 'a', 'f'] },
    { query: 'protocol=HTTP', expected: [] },
    { query: 'violation=spf_fail', expected: ['c', 'a'] },
    { query: 'virtualServer=vs_a', expected: ['e', 'd', 'a'] },
    { query: 'securityProfile=strict', expected: ['e', 'c', 'a'] },
    { query: 'serviceProfile=svc_b', expected: ['c', 'b'] },
    { query: 'clientAddress=192.0.2.10', expected: ['a'] },
    { query: 'clientAddress=192.0.2.0/24', expected: ['b', 'a', 'f'] },
    { query: 'clientAddress=192.0.2.128/25', expected: ['b'] },
    { query: 'clientAddress=198.51.100.0/24', expected: ['c'] },
    { query: 'clientAddress=2001:db8::/32', expected: ['e', 'd'] },
    { query: 'clientAddress=2001:db8::/48', expected: ['d'] },
    { query: 'clientAddress=2001:0db8:0:0:0:0:0:5', expected: ['d'] },
    { query: 'clientAddress=::ffff:192.0.2.11', expected: ['f'] },
    { query: 'clientAddress=0.0.0.0/0', expected: ['c', 'b', 'a', 'f'] },
    { query: 'from=2026-03-01T10:05:00Z', expected: ['e', 'd', 'c', 'b'] },
    { query: 'to=2026-03-01T10:05:00Z', expected: ['a', 'f'] },
    { query: 'from=2026-03-01T10:00:00Z&to=2026-03-01T10:15:00Z', expected: ['c', 'b', 'a'] },
    {
      query: 'from=2026-03-01T11:00:00%2B01:00&to=2026-03-01T11:11:00%2B01:00',
      expected: ['c', 'b', 'a'],
    },
    { query: 'violation=spf_fail&virtualServer=vs_b', expected: ['c'] },
    { query: 'securityProfile=strict&clientAddress=2001:db8::/32', expected: ['e'] },
  ];

  for (const { query, expected } of filters) {
    it(`should narrow by ${query}`, async () => {
      const page = await search(query);

      assert.deepEqual(namesOf(page.items), expected);
      assert.equal(page.total, expected.length);
    });
  }

  it('should find a Support ID typed in lower case', async () => {
    const page = await search(`supportId=${RECORDS.c.supportId.toLowerCase()}`);

    assert.deepEqual(namesOf(page.items), ['c']);
  });

  it('should page through the newest first, counting them all', async () => {
    const second = await search('perPage=2&page=2');

    assert.deepEqual(namesOf(second.items), ['c', 'b']);
    assert.equal(second.total, 6);
    assert.equal(second.page, 2);
    assert.equal(second.perPage, 2);
  });

  const refusals = [
    { query: 'clientAddress=192.0.2.0/33', field: 'clientAddress' },
    { query: 'clientAddress=client.example', field: 'clientAddress' },
    { query: 'from=yesterday', field: 'from' },
    { query: 'violation=made_up', field: 'violation' },
    { query: 'supportId=12345', field: 'supportId' },
    { query: 'perPage=0', field: 'perPage' },
  ];

  for (const { query, field } of refusals) {
    it(`should refuse ${query} naming ${field}`, async () => {
      const response = await context.app.inject({ url: `/api/v1/violations?${query}` });

      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'VALIDATION_FAILED');
      assert.equal(response.json().error.field, field);
    });
  }
});

describe('GET /api/v1/violations/:supportId', () => {
  it('should answer the violation with every recorded field', async () => {
    const response = await context.app.inject({ url: `/api/v1/violations/${RECORDS.d.supportId}` });

    assert.equal(response.statusCode, 200);
    const { id, workerId, ...record } = response.json();
    assert.ok(Number.isInteger(id));
    assert.equal(workerId, 'worker-test');
    assert.deepEqual(record, { ...RECORDS.d, details: null });
  });

  it('should answer 404 saying no violation has that Support ID', async () => {
    const response = await context.app.inject({ url: '/api/v1/violations/ZZZZZ-ZZZZZ' });

    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
    assert.match(response.json().error.message, /no violation has Support ID ZZZZZ-ZZZZZ/);
  });

  it('should refuse something that is not a Support ID', async () => {
    const response = await context.app.inject({ url: '/api/v1/violations/not-one' });

    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.field, 'supportId');
  });
});

describe('GET /api/v1/violations order', () => {
  it('should order violations of one instant by id, newest first, across pages', async () => {
    const tied = [1, 2, 3].map(() =>
      violationRecord({ time: '2026-03-02T08:00:00.000Z', virtualServer: 'vs_tie' }));
    await ingest(context, 'violations', tied);

    const first = await search('virtualServer=vs_tie&perPage=2');
    const second = await search('virtualServer=vs_tie&perPage=2&page=2');
    const ids = [...first.items, ...second.items].map((item: { id: number }) => item.id);

    assert.equal(first.total, 3);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    assert.equal(new Set(ids).size, 3);
  });
});
