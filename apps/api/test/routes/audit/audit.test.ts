import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, createTestUser } from '../../helper.ts';

const context = build();

const POOL = { name: 'audited_pool', members: [{ address: '192.0.2.1', servicePort: 25 }] };

type TEntry = {
  id: string;
  actor: string;
  address: string;
  action: string;
  objectType: string;
  objectName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

async function readAudit(query = ''): Promise<{ items: TEntry[]; nextCursor: string | null }> {
  const response = await context.app.inject({ url: `/api/v1/audit${query}` });
  assert.equal(response.statusCode, 200, response.body);

  return response.json();
}

describe('audit of configuration changes', () => {
  it('should record create, update and delete with who, where, before and after', async () => {
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: POOL,
      remoteAddress: '192.0.2.50',
    });
    const id = created.json().id as number;
    await context.app.inject({ method: 'PATCH', url: `/api/v1/pools/${id}`, payload: { description: 'mail' } });
    await context.app.inject({ method: 'DELETE', url: `/api/v1/pools/${id}` });

    const { items } = await readAudit('?objectType=pool');
    const [deleted, updated, create] = items;
    assert.equal(items.length, 3);
    assert.equal(create?.action, 'create');
    assert.equal(create?.actor, `${context.admin.username} (token test)`);
    assert.equal(create?.address, '192.0.2.50');
    assert.equal(create?.objectName, 'audited_pool');
    assert.equal(create?.before, null);
    assert.equal(create?.after?.name, 'audited_pool');
    assert.equal(updated?.action, 'update');
    assert.equal(updated?.before?.description, '');
    assert.equal(updated?.after?.description, 'mail');
    assert.equal(deleted?.action, 'delete');
    assert.equal(deleted?.before?.name, 'audited_pool');
    assert.equal(deleted?.after, null);
  });

  it('should write no entry when the change fails', async () => {
    const before = await context.prisma.auditEntry.count();
    const response = await context.app.inject({ method: 'DELETE', url: '/api/v1/pools/999999' });

    assert.equal(response.statusCode, 404);
    assert.equal(await context.prisma.auditEntry.count(), before);
  });

  it('should record settings changes (DNS) with before and after', async () => {
    const response = await context.app.inject({
      method: 'PUT',
      url: '/api/v1/system/dns',
      payload: { resolvers: ['192.0.2.53'] },
    });
    assert.equal(response.statusCode, 200, response.body);

    const [entry] = (await readAudit('?objectType=dns')).items;
    assert.equal(entry?.action, 'update');
    assert.deepEqual(entry?.after?.resolvers, ['192.0.2.53']);
  });
});

describe('GET /api/v1/audit', () => {
  it('should filter by actor and action and page with a cursor', async () => {
    for (const name of ['page_a', 'page_b', 'page_c']) {
      await context.app.inject({ method: 'POST', url: '/api/v1/pools', payload: { ...POOL, name } });
    }

    const first = await readAudit(`?actor=${context.admin.username}&action=create&objectType=pool&limit=2`);
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = await readAudit(
      `?actor=${context.admin.username}&action=create&objectType=pool&limit=2&cursor=${first.nextCursor}`,
    );
    const names = [...first.items, ...second.items].map((entry) => entry.objectName);
    assert.deepEqual(names.slice(0, 3), ['page_c', 'page_b', 'page_a']);
    assert.equal(new Set(names).size, names.length);
  });

  it('should filter by time', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const { items } = await readAudit(`?from=${encodeURIComponent(future)}`);

    assert.equal(items.length, 0);
  });

  it('should be refused to an operator (403) and to anonymous callers (401)', async () => {
    const operator = await createTestUser(context.prisma, 'op-audit', 'OPERATOR');
    const asOperator = await context.app.inject({
      url: '/api/v1/audit',
      headers: { authorization: `Bearer ${operator.token}` },
    });
    const anonymous = await context.anonymousInject({ url: '/api/v1/audit' });

    assert.equal(asOperator.statusCode, 403);
    assert.equal(anonymous.statusCode, 401);
  });
});
