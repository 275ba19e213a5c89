import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hideCredentials } from './hide-credentials.ts';

describe('hideCredentials', () => {
  it('should hide the initial response of AUTH, keeping the mechanism', () => {
    assert.deepEqual(hideCredentials('AUTH PLAIN AGFsaWNlAHB3', 'AUTH', false), {
      text: 'AUTH PLAIN <credentials hidden>',
      isInAuth: true,
    });
    assert.equal(hideCredentials('auth login', 'AUTH', false).text, 'auth login');
  });

  it('should hide the base64 lines that follow AUTH, until another command', () => {
    const user = hideCredentials('YWxpY2U=', 'YWXPY2U=', true);
    const password = hideCredentials('UzNjcjN0LVBhc3N3MHJk', 'UZNJCJN0LVBHC3N3MHJK', user.isInAuth);
    const next = hideCredentials('NOOP', 'NOOP', password.isInAuth);

    assert.deepEqual([user.text, password.text], ['<credentials hidden>', '<credentials hidden>']);
    assert.deepEqual(next, { text: 'NOOP', isInAuth: false });
  });

  it('should leave a base64-looking command alone outside AUTH', () => {
    assert.deepEqual(hideCredentials('QUIT', 'QUIT', false), { text: 'QUIT', isInAuth: false });
  });
});
