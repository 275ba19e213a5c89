import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../../src/auth/hash-password.ts';

describe('hashPassword', () => {
  it('should encode scrypt with its parameters and a fresh salt', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');

    assert.match(first, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(first, second);
  });

  it('should verify the right password only', async () => {
    const hash = await hashPassword('correct horse battery');

    assert.equal(await verifyPassword('correct horse battery', hash), true);
    assert.equal(await verifyPassword('correct horse batterY', hash), false);
    assert.equal(await verifyPassword('correct horse battery', 'plain'), false);
  });

  it('should read hashes made with other parameters', async () => {
    const hash = await hashPassword('raise me later');
    const [, , , , salt] = hash.split('$');
    const { scryptSync } = await import('node:crypto');
    const saltBytes = Buffer.from(salt as string, 'base64url');
    const key = scryptSync('raise me later', saltBytes, 32, { N: 1024, r: 8, p: 1 });
    const older = ['scrypt', 1024, 8, 1, salt, key.toString('base64url')].join('$');

    assert.equal(await verifyPassword('raise me later', older), true);
  });
});
