import type { TSnapshotPool } from '@portcullis/contracts';
import { MemberRuntime, memberKey } from './member-runtime.ts';

/**
 * A pool as the relay uses it. The object lives as long as a pool of that name is
 * configured; snapshots update it in place so sessions holding it see the change
 * and members keep their health and idle connections.
 */
export class PoolRuntime {
  readonly name: string;
  config: TSnapshotPool;
  members: MemberRuntime[] = [];
  // Round robin position, shared by ROUND_ROBIN and ties under LEAST_CONNECTIONS.
  cursor = 0;

  constructor(config: TSnapshotPool) {
    this.name = config.name;
    this.config = config;
    this.update(config);
  }

  update(config: TSnapshotPool): void {
    const previous = new Map(this.members.map((member) => [member.key, member]));
    const isMonitored = config.monitor.type === 'SMTP';
    this.config = config;

    this.members = config.members.map((snapshotMember) => {
      const key = memberKey(snapshotMember.address, snapshotMember.port);
      const member = previous.get(key) ?? new MemberRuntime(snapshotMember);
      previous.delete(key);
      member.update(snapshotMember);
      if (!isMonitored && member.isMonitored && member.health === 'up') member.health = 'unchecked';
      member.isMonitored = isMonitored;

      return member;
    });

    for (const removed of previous.values()) removed.retire();
  }

  closeIdle(cutoff?: number): void {
    for (const member of this.members) member.closeIdle(cutoff);
  }

  /** The pool is gone from the configuration; sessions still holding it finish. */
  retire(): void {
    for (const member of this.members) member.retire();
  }
}
