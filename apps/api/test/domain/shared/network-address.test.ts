import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canonicalAddress,
  isHostName,
  isResolverAddress,
  parseNetwork,
} from '../../../src/domain/shared/network-address.ts';

describe('canonicalAddress', () => {
  const cases: Array<[string, string | undefined]> = [
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:192.0.2.1', '192.0.2.1'],
    ['2001:0DB8:0000::0001', '2001:db8::1'],
    ['::1', '::1'],
    ['fe80::1%eth0', undefined],
    ['192.0.2', undefined],
    ['01.2.3.4', undefined],
    ['client.example', undefined],
    ['', undefined],
  ];

  for (const [input, expected] of cases) {
    it(`should turn "${input}" into ${String(expected)}`, () => {
      assert.equal(canonicalAddress(input), expected);
    });
  }
});

describe('parseNetwork', () => {
  const cases: Array<[string, ReturnType<typeof parseNetwork>]> = [
    ['10.0.0.0/8', { address: '10.0.0.0', prefixLength: 8 }],
    ['10.1.2.3/8', { address: '10.1.2.3', prefixLength: 8 }],
    ['2001:DB8::/32', { address: '2001:db8::', prefixLength: 32 }],
    ['10.0.0.0/33', undefined],
    ['2001:db8::/129', undefined],
    ['10.0.0.0', undefined],
    ['10.0.0.0/8/8', undefined],
    ['10.0.0.0/x', undefined],
  ];

  for (const [input, expected] of cases) {
    it(`should read "${input}"`, () => {
      assert.deepEqual(parseNetwork(input), expected);
    });
  }
});

describe('isResolverAddress', () => {
  const cases: Array<[string, boolean]> = [
    ['192.0.2.53', true],
    ['192.0.2.53:5353', true],
    ['2001:db8::53', true],
    ['[2001:db8::53]:53', true],
    ['192.0.2.53:0', false],
    ['192.0.2.53:65536', false],
    ['[192.0.2.53]:53', false],
    ['dns.example', false],
    ['[2001:db8::53]', false],
  ];

  for (const [input, expected] of cases) {
    it(`should ${expected ? 'accept' : 'refuse'} "${input}"`, () => {
      assert.equal(isResolverAddress(input), expected);
    });
  }
});

describe('isHostName', () => {
  const cases: Array<[string, boolean]> = [
    ['icap.example.net', true],
    ['icap', true],
    ['icap.example.net.', true],
    ['a-b.example', true],
    ['-a.example', false],
    ['a_b.example', false],
    ['has space', false],
    [`${'a'.repeat(64)}.example`, false],
    ['', false],
  ];

  for (const [input, expected] of cases) {
    it(`should ${expected ? 'accept' : 'refuse'} "${input.slice(0, 20)}"`, () => {
      assert.equal(isHostName(input), expected);
    });
  }
});
