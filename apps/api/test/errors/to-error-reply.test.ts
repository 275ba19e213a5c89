import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/errors/app-error.ts';
import { toErrorReply } from '../../src/errors/to-error-reply.ts';

function prismaError(code: string, meta: Record<string, unknown>) {
  return Object.assign(new Error('raw driver text: duplicate key value violates "Pool_name_key"'), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta,
  });
}

describe('toErrorReply', () => {
  it('should keep a domain error with its code, status and field', () => {
    const reply = toErrorReply(new AppError('IN_USE', 'used by x', { field: 'name' }));

    assert.equal(reply.statusCode, 409);
    assert.deepEqual(reply.body, {
      error: { code: 'IN_USE', message: 'used by x', field: 'name' },
    });
  });

  it('should answer a generic 500 for an unexpected error, without its message', () => {
    const reply = toErrorReply(new TypeError('cannot read secretColumn of undefined'));

    assert.equal(reply.statusCode, 500);
    assert.equal(reply.body.error.code, 'INTERNAL');
    assert.doesNotMatch(JSON.stringify(reply.body), /secretColumn/);
  });

  const uniqueViolations = [
    {
      name: 'driver adapter meta',
      meta: {
        modelName: 'Pool',
        driverAdapterError: { cause: { constraint: { fields: ['name'] } } },
      },
    },
    { name: 'engine meta', meta: { modelName: 'Pool', target: ['name'] } },
  ];
  for (const { name, meta } of uniqueViolations) {
    it(`should map a unique name violation (${name}) to NAME_TAKEN without driver text`, () => {
      const reply = toErrorReply(prismaError('P2002', meta));

      assert.equal(reply.statusCode, 409);
      assert.equal(reply.body.error.code, 'NAME_TAKEN');
      assert.equal(reply.body.error.field, 'name');
      assert.doesNotMatch(reply.body.error.message, /duplicate key|Pool_name_key/);
    });
  }

  it('should map a vanished record to NOT_FOUND', () => {
    const reply = toErrorReply(prismaError('P2025', { modelName: 'VirtualServer' }));

    assert.equal(reply.statusCode, 404);
    assert.match(reply.body.error.message, /virtual server/);
  });
});
