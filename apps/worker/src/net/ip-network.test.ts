import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInNetwork, parseNetwork } from './ip-network.ts';

describe('parseNetwork and isInNetwork', () => {
  const cases: Array<[string, string | null, string, boolean]> = [
    ['127.0.0.0', '255.0.0.0', '127.0.0.1', true],
    ['127.0.0.0', '255.0.0.0', '128.0.0.1', false],
    ['10.1.2.0', '24', '10.1.2.77', true],
    ['10.1.2.0', '24', '10.1.3.1', false],
    ['10.1.2.5', null, '10.1.2.5', true],
    ['10.1.2.5', null, '10.1.2.6', false],
    ['0.0.0.0', '0.0.0.0', '192.0.2.1', true],
    ['127.0.0.0', '255.0.0.0', '::ffff:127.0.0.9', true],
    ['2001:db8::', 'ffff:ffff::', '2001:db8:1::1', true],
    ['2001:db8::', '32', '2001:db9::1', false],
    ['::1', null, '::1', true],
    ['127.0.0.0', '255.0.0.0', '::1', false],
  ];

  for (const [address, mask, candidate, expected] of cases) {
    it(`should say ${candidate} ${expected ? 'is' : 'is not'} in ${address}/${mask}`, () => {
      const network = parseNetwork(address, mask);
      assert.ok(network);
      assert.equal(isInNetwork(network, candidate), expected);
    });
  }

  it('should refuse a mask that is not contiguous', () => {
    assert.equal(parseNetwork('10.0.0.0', '255.0.255.0'), null);
    assert.equal(parseNetwork('10.0.0.0', '33'), null);
    assert.equal(parseNetwork('not-an-ip', '8'), null);
  });
});
