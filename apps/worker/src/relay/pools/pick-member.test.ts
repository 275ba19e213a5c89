import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSnapshotPool } from '@portcullis/contracts';
import { pickMember } from './pick-member.ts';
import { PoolRuntime } from './pool-runtime.ts';

function pool(method: TSnapshotPool['loadBalancingMethod'], ratios: number[]): PoolRuntime {
  return new PoolRuntime({
    name: 'p',
    loadBalancingMethod: method,
    monitor: { type: 'NONE', intervalSec: 5, timeoutSec: 16 },
    members: ratios.map((ratio, i) => ({
      id: i + 1,
      nodeName: `m${i}`,
      address: `127.0.0.${i + 1}`,
      port: 25,
      ratio,
      enabled: true,
    })),
  });
}

function picks(runtime: PoolRuntime, times: number): string[] {
  const pickOne = () => pickMember(runtime, new Set(), Date.now())?.nodeName ?? '-';

  return Array.from({ length: times }, pickOne);
}

describe('pickMember', () => {
  it('should take members in turn under ROUND_ROBIN', () => {
    assert.deepEqual(picks(pool('ROUND_ROBIN', [1, 1, 1]), 4), ['m0', 'm1', 'm2', 'm0']);
  });

  it('should skip disabled and down members and those already tried', () => {
    const runtime = pool('ROUND_ROBIN', [1, 1, 1]);
    const [m0, m1] = runtime.members;
    assert.ok(m0 && m1);
    m0.isEnabled = false;
    m1.isMonitored = true;
    m1.markDown('refused');

    assert.deepEqual(picks(runtime, 2), ['m2', 'm2']);
    assert.equal(pickMember(runtime, new Set(runtime.members), Date.now()), null);
  });

  it('should split picks by weight under RATIO', () => {
    const counts = picks(pool('RATIO', [3, 1]), 40).reduce<Record<string, number>>((acc, name) => {
      acc[name] = (acc[name] ?? 0) + 1;
      return acc;
    }, {});

    assert.deepEqual(counts, { m0: 30, m1: 10 });
  });

  it('should prefer the member with the fewest active connections', () => {
    const runtime = pool('LEAST_CONNECTIONS', [1, 1, 1]);
    runtime.members.forEach((member, i) => (member.active = [4, 1, 2][i] ?? 0));

    assert.equal(pickMember(runtime, new Set(), Date.now())?.nodeName, 'm1');
  });

  it('should bring an unmonitored member back after the hold time', () => {
    const runtime = pool('ROUND_ROBIN', [1]);
    const member = runtime.members[0];
    assert.ok(member);
    member.markDown('refused');

    assert.equal(pickMember(runtime, new Set(), Date.now()), null);
    assert.equal(pickMember(runtime, new Set(), Date.now() + 11_000), member);
  });
});
