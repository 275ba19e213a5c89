import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/api/api-error.ts';
import { signInPath } from '../src/auth/sign-in-path.ts';
import { readReturnTo } from '../src/forms/return-to.ts';
import { checkPasswordDraft, placePasswordError } from '../src/pages/account/password-draft.ts';
import { tokenStatus } from '../src/pages/account/token-status.ts';
import { describeSignInError } from '../src/pages/sign-in/sign-in-error.ts';
import { draftToPatch, placeUserError } from '../src/pages/system/users/user-draft.ts';

describe('sign-in path', () => {
  it('should keep the page wanted, and only a page of this console', () => {
    const path = signInPath('/system/users?x=1');

    assert.equal(path, '/sign-in?returnTo=%2Fsystem%2Fusers%3Fx%3D1');
    assert.equal(readReturnTo(new URL(path, 'http://h').searchParams), '/system/users?x=1');
    assert.equal(signInPath('/'), '/sign-in');
    assert.equal(readReturnTo(new URLSearchParams('returnTo=//evil.example/')), null);
  });
});

describe('sign-in errors', () => {
  it('should say the credentials are wrong without saying which', () => {
    const error = new ApiError('INVALID_CREDENTIALS', 'invalid', 401);

    assert.equal(describeSignInError(error, 0), 'The username or password is not correct.');
  });

  it('should count down a refusal for too many attempts', () => {
    const error = new ApiError('TOO_MANY_ATTEMPTS', 'slow down', 429);

    assert.equal(describeSignInError(error, 42), 'Too many attempts. Try again in 42 s.');
    assert.equal(describeSignInError(error, 0), 'Too many attempts. You may try again now.');
  });
});

describe('password change', () => {
  const draft = { currentPassword: 'old-password', newPassword: 'a-new-password', confirm: '' };

  it('should put each problem beside its field before asking the API', () => {
    assert.equal(checkPasswordDraft({ ...draft, currentPassword: '' })?.field, 'currentPassword');
    assert.equal(checkPasswordDraft({ ...draft, newPassword: 'short' })?.field, 'newPassword');
    assert.equal(checkPasswordDraft(draft)?.field, 'confirm');
    assert.equal(checkPasswordDraft({ ...draft, confirm: draft.newPassword }), null);
  });

  it('should put a wrong current password beside that field', () => {
    const placed = placePasswordError(new ApiError('INVALID_CREDENTIALS', 'wrong', 401));

    assert.ok(placed instanceof ApiError);
    assert.equal(placed.field, 'currentPassword');
  });
});

describe('users', () => {
  const user = {
    username: 'opal',
    role: 'OPERATOR' as const,
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('should send only what changed; a blank password keeps the old one', () => {
    const draft = { username: 'opal', password: '', role: 'GUEST' as const, disabled: false };

    assert.deepEqual(draftToPatch(user, draft), { role: 'GUEST' });
    assert.deepEqual(draftToPatch(user, { ...draft, role: 'OPERATOR', password: 'x'.repeat(12) }), {
      password: 'x'.repeat(12),
    });
  });

  it('should put "last administrator" beside the field whose change caused it', () => {
    const refusal = new ApiError('LAST_ADMINISTRATOR', 'last one', 409);

    assert.equal((placeUserError(refusal, { role: 'GUEST' }) as ApiError).field, 'role');
    assert.equal((placeUserError(refusal, { disabled: true }) as ApiError).field, 'disabled');
    assert.equal((placeUserError(refusal, {}) as ApiError).field, undefined);
  });
});

describe('token status', () => {
  const token = {
    id: 1,
    name: 'ci',
    role: 'GUEST' as const,
    createdAt: '2026-01-01T00:00:00Z',
    expiresAt: '2026-02-01T00:00:00Z',
    lastUsedAt: null,
    revokedAt: null,
  };
  const during = Date.parse('2026-01-15T00:00:00Z');

  it('should tell active, expired and revoked tokens apart', () => {
    assert.equal(tokenStatus(token, during).label, 'Active');
    assert.equal(tokenStatus(token, Date.parse('2026-03-01T00:00:00Z')).label, 'Expired');
    const revoked = { ...token, revokedAt: '2026-01-02T00:00:00Z' };

    assert.equal(tokenStatus(revoked, during).label, 'Revoked');
  });
});
