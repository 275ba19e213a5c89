import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseForwardedAddress } from '../../src/net/client-address.ts';

describe('parseForwardedAddress', () => {
  const cases: Array<[string, string | null]> = [
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:1234', '203.0.113.9'],
    ['2001:DB8::1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['unknown', null],
    ['203.0.113.9:', null],
    ['203.0.113.999', null],
    ['', null],
  ];
  for (const [value, expected] of cases) {
    it(`should read "${value}" as ${expected ?? 'no address'}`, () => {
      assert.equal(parseForwardedAddress(value), expected);
    });
  }
});
