import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZPoolInput } from './pool.ts';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from './security-settings.ts';
import { ZVirtualServerInput } from './virtual-server.ts';
import { DEFAULT_VIOLATION_ACTIONS, VIOLATION_NAMES, ZViolationActions } from './violations.ts';

describe('security profile defaults', () => {
  it('should give every violation an action', () => {
    assert.deepEqual(Object.keys(DEFAULT_VIOLATION_ACTIONS).sort(), [...VIOLATION_NAMES].sort());
  });

  it('should fill missing violations with their defaults', () => {
    const actions = ZViolationActions.parse({ disallowed_method: { alarm: true, block: false } });

    assert.deepEqual(actions.disallowed_method, { alarm: true, block: false });
    assert.deepEqual(actions.rfc_syntax, DEFAULT_VIOLATION_ACTIONS.rfc_syntax);
  });

  it('should default to the documented limits', () => {
    const { validation, greylisting, methods } = DEFAULT_SECURITY_PROFILE_SETTINGS;

    assert.equal(validation.maxMessageBytes, 10 * 1024 * 1024);
    assert.equal(validation.maxRecipients, 100);
    assert.equal(greylisting.holdSeconds, 300);
    assert.equal(greylisting.retryWindowSeconds, 86_400);
    assert.equal(greylisting.expirySeconds, 36 * 86_400);
    assert.deepEqual(methods.disallowed, ['VRFY', 'EXPN', 'ETRN']);
  });
});

describe('object inputs', () => {
  it('should refuse a pool member address that is not an IP address', () => {
    const result = ZPoolInput.safeParse({ name: 'p', members: [{ address: '300.1.2.3' }] });

    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['members', 0, 'address']);
  });

  it('should require a mask for a network destination', () => {
    const result = ZVirtualServerInput.safeParse({
      name: 'vs',
      destinationType: 'NETWORK',
      destinationAddress: '10.0.0.0',
    });

    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['destinationMask']);
  });

  it('should refuse names with spaces', () => {
    assert.equal(ZPoolInput.safeParse({ name: 'my pool' }).success, false);
  });
});
