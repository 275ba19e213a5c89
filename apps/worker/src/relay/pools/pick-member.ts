import type { MemberRuntime } from './member-runtime.ts';
import type { PoolRuntime } from './pool-runtime.ts';

type TTried = ReadonlySet<MemberRuntime>;

/**
 * Chooses the member for the next transaction by the pool's load-balancing method,
 * skipping disabled members, members marked down and those already tried for this
 * transaction (failover calls it again with a longer `tried` set).
 */
export function pickMember(pool: PoolRuntime, tried: TTried, now: number): MemberRuntime | null {
  switch (pool.config.loadBalancingMethod) {
    case 'LEAST_CONNECTIONS':
      return pickLeastConnections(pool, tried, now);
    case 'RATIO':
      return pickByRatio(pool, tried, now);
    default:
      return pickRoundRobin(pool, tried, now);
  }
}

function pickRoundRobin(pool: PoolRuntime, tried: TTried, now: number): MemberRuntime | null {
  const count = pool.members.length;

  for (let step = 0; step < count; step += 1) {
    const index = (pool.cursor + step) % count;
    const member = pool.members[index];
    if (member && !tried.has(member) && member.isEligible(now)) {
      pool.cursor = (index + 1) % count;
      return member;
    }
  }

  return null;
}

function pickLeastConnections(
  pool: PoolRuntime,
  tried: TTried,
  now: number,
): MemberRuntime | null {
  const count = pool.members.length;
  let best: MemberRuntime | null = null;
  let bestIndex = 0;

  // Start at the round robin cursor so equally loaded members take turns.
  for (let step = 0; step < count; step += 1) {
    const index = (pool.cursor + step) % count;
    const member = pool.members[index];
    if (!member || tried.has(member) || !member.isEligible(now)) continue;
    if (best && member.active >= best.active) continue;

    best = member;
    bestIndex = index;
  }

  if (best) pool.cursor = (bestIndex + 1) % count;

  return best;
}

// Smooth weighted round robin: every eligible member gains its ratio, the richest
// is chosen and pays the total, which spreads picks evenly within each cycle.
function pickByRatio(pool: PoolRuntime, tried: TTried, now: number): MemberRuntime | null {
  let best: MemberRuntime | null = null;
  let total = 0;

  for (const member of pool.members) {
    if (tried.has(member) || !member.isEligible(now)) continue;

    member.currentWeight += member.ratio;
    total += member.ratio;
    if (!best || member.currentWeight > best.currentWeight) best = member;
  }

  if (best) best.currentWeight -= total;

  return best;
}
