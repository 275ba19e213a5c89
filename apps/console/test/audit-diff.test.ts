import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffFields, showValue } from '../src/pages/system/audit-log/audit-diff.ts';

describe('audit diff', () => {
  it('should list only the fields that changed, nested ones by dotted path', () => {
    const before = { name: 'p1', settings: { rate: { max: 10, windowS: 60 } }, tags: ['a'] };
    const after = { name: 'p1', settings: { rate: { max: 20, windowS: 60 } }, tags: ['a', 'b'] };

    assert.deepEqual(diffFields(before, after), [
      { path: 'settings.rate.max', before: '10', after: '20' },
      { path: 'tags', before: '["a"]', after: '["a","b"]' },
    ]);
  });

  it('should show a creation as every field new and a deletion as every field gone', () => {
    assert.deepEqual(diffFields(null, { username: 'opal', role: 'OPERATOR' }), [
      { path: 'username', before: undefined, after: 'opal' },
      { path: 'role', before: undefined, after: 'OPERATOR' },
    ]);
    assert.deepEqual(diffFields({ disabled: false }, null), [
      { path: 'disabled', before: 'false', after: undefined },
    ]);
  });

  it('should find nothing to show when neither side has fields', () => {
    assert.deepEqual(diffFields(null, null), []);
    assert.deepEqual(diffFields({ a: 1 }, { a: 1 }), []);
  });

  it('should tell a null value from a missing one', () => {
    assert.deepEqual(diffFields({ host: null }, { host: 'syslog.example' }), [
      { path: 'host', before: 'null', after: 'syslog.example' },
    ]);
    assert.equal(showValue('text'), 'text');
    assert.equal(showValue(3), '3');
  });
});
