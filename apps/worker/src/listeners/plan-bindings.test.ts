import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSnapshotVirtualServer } from '@portcullis/contracts';
import { planBindings } from './plan-bindings.ts';
import { pickVirtualServer } from './pick-virtual-server.ts';

type TVs = TSnapshotVirtualServer;

function vs(name: string, address: string, port: number, mask: string | null = null): TVs {
  return {
    name,
    destination: { type: mask ? 'NETWORK' : 'HOST', address, mask },
    port,
    enabled: true,
    snatPool: 'AUTOMAP',
    pool: 'p',
    serviceProfile: 'smtp',
    securityProfile: null,
    tls: null,
  };
}

describe('planBindings', () => {
  it('should give each host address its own socket when no network shares the port', () => {
    const plan = planBindings([vs('a', '127.0.0.1', 2525), vs('b', '127.0.0.2', 2525)]);

    assert.deepEqual([...plan.bindings.keys()].sort(), ['127.0.0.1|2525', '127.0.0.2|2525']);
  });

  it('should put hosts and networks sharing a port on one wildcard socket', () => {
    const network = vs('net', '127.0.0.0', 2525, '255.0.0.0');
    const plan = planBindings([network, vs('host', '127.0.0.5', 2525)]);
    const binding = plan.bindings.get('0.0.0.0|2525');

    assert.equal(plan.bindings.size, 1);
    assert.ok(binding);
    assert.equal(pickVirtualServer(binding.virtualServers, '127.0.0.5'), 'host');
    assert.equal(pickVirtualServer(binding.virtualServers, '127.0.0.6'), 'net');
    assert.equal(pickVirtualServer(binding.virtualServers, '10.0.0.1'), null);
  });

  it('should refuse a second virtual server on the same destination and port', () => {
    const plan = planBindings([vs('a', '127.0.0.1', 2525), vs('b', '127.0.0.1', 2525)]);

    assert.match(plan.errors.get('b') ?? '', /already used by virtual server a/);
    assert.equal(plan.bindings.get('127.0.0.1|2525')?.virtualServers.length, 1);
  });

  it('should leave disabled virtual servers out and report bad masks', () => {
    const disabled = { ...vs('off', '127.0.0.1', 2525), enabled: false };
    const plan = planBindings([disabled, vs('bad', '127.0.0.0', 2526, '255.0.255.0')]);

    assert.equal(plan.bindings.size, 0);
    assert.ok(plan.errors.has('bad'));
  });
});
