import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepMerge } from '../../../src/domain/shared/deep-merge.ts';

describe('deepMerge', () => {
  const base = { a: { b: 1, c: [1, 2], d: { e: 'x' } }, f: true };

  const cases = [
    {
      name: 'should change a nested value and keep its neighbours',
      patch: { a: { d: { e: 'y' } } },
      expected: { a: { b: 1, c: [1, 2], d: { e: 'y' } }, f: true },
    },
    {
      name: 'should replace a list whole',
      patch: { a: { c: [3] } },
      expected: { a: { b: 1, c: [3], d: { e: 'x' } }, f: true },
    },
    {
      name: 'should skip undefined values',
      patch: { a: undefined, f: undefined },
      expected: base,
    },
    {
      name: 'should add keys the base lacks',
      patch: { g: { h: 1 } },
      expected: { ...base, g: { h: 1 } },
    },
    {
      name: 'should let null replace a value',
      patch: { a: { d: null } },
      expected: { a: { b: 1, c: [1, 2], d: null }, f: true },
    },
  ];

  for (const { name, patch, expected } of cases) {
    it(name, () => {
      assert.deepEqual(deepMerge(base, patch), expected);
    });
  }

  it('should leave both arguments as they were', () => {
    const patch = { a: { d: { e: 'z' } } };
    const copy = structuredClone(base);

    deepMerge(base, patch);

    assert.deepEqual(base, copy);
    assert.deepEqual(patch, { a: { d: { e: 'z' } } });
  });
});
