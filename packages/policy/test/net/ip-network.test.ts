import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIp } from '../../src/net/ip-address.ts';
import { isInNetwork, parseCidr, toClientNetwork } from '../../src/net/ip-network.ts';
import { toReverseName } from '../../src/net/reverse-name.ts';

describe('isInNetwork', () => {
  const cases: Array<[string, string, boolean]> = [
    ['192.0.2.0/24', '192.0.2.77', true],
    ['192.0.2.0/24', '192.0.3.1', false],
    ['192.0.2.7', '192.0.2.7', true],
    ['192.0.2.7', '192.0.2.8', false],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['0.0.0.0/0', '2001:db8::1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:DB8:1:2::/64', '2001:db8:1:2:aaaa::5', true],
    ['::ffff:192.0.2.0/120', '192.0.2.200', true],
    ['::1', '::1', true],
  ];

  for (const [cidr, address, expected] of cases) {
    it(`should say ${address} is ${expected ? '' : 'not '}in ${cidr}`, () => {
      const network = parseCidr(cidr);
      const ip = parseIp(address);
      assert.ok(network && ip);

      assert.equal(isInNetwork(network, ip), expected);
    });
  }

  for (const bad of ['192.0.2.0/33', '2001:db8::/129', 'example.com', '192.0.2/24', '1.2.3.4/x']) {
    it(`should refuse ${bad} as a network`, () => {
      assert.equal(parseCidr(bad), null);
    });
  }
});

describe('toClientNetwork', () => {
  const cases: Array<[string, number, number, string]> = [
    ['192.0.2.77', 24, 64, '192.0.2.0/24'],
    ['192.0.2.77', 32, 64, '192.0.2.77/32'],
    ['::ffff:192.0.2.77', 24, 64, '192.0.2.0/24'],
    ['2001:db8:1:2:3:4:5:6', 24, 64, '2001:db8:1:2::/64'],
    ['2001:db8:1:2:3:4:5:6', 24, 48, '2001:db8:1::/48'],
    ['2001:db8::1', 24, 128, '2001:db8::1/128'],
    ['[2001:db8::1]', 24, 128, '2001:db8::1/128'],
  ];

  for (const [client, v4, v6, expected] of cases) {
    it(`should count ${client} under ${expected}`, () => {
      assert.equal(toClientNetwork(client, v4, v6), expected);
    });
  }

  it('should throw INVALID_CLIENT_ADDRESS for something that is not an address', () => {
    assert.throws(() => toClientNetwork('mail.example.com', 24, 64), {
      code: 'INVALID_CLIENT_ADDRESS',
    });
  });
});

describe('toReverseName', () => {
  it('should build in-addr.arpa and ip6.arpa names', () => {
    assert.equal(toReverseName(parseIp('192.0.2.7')!), '7.2.0.192.in-addr.arpa');
    assert.equal(
      toReverseName(parseIp('2001:db8::1')!),
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
  });
});
