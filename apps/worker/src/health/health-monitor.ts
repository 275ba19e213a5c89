import type { TLogger } from '../logging/create-logger.ts';
import type { MemberRuntime } from '../relay/pools/member-runtime.ts';
import type { PoolRuntime } from '../relay/pools/pool-runtime.ts';
import { probeMember } from './probe-member.ts';

// A member also goes down after this many failed checks in a row, whatever the timeout.
const DOWN_AFTER_FAILURES = 3;

interface TMemberWatch {
  lastSuccessAt: number;
  failures: number;
  isProbing: boolean;
}

/**
 * The SMTP health monitor of one pool: every intervalSec each enabled member gets
 * a probe. A member is down once it has failed for timeoutSec (or three checks in a
 * row, or its very first check); one success brings it up.
 */
export class HealthMonitor {
  private readonly pool: PoolRuntime;
  private readonly heloName: string;
  private readonly logger: TLogger;
  private readonly watches = new WeakMap<MemberRuntime, TMemberWatch>();
  private timer: NodeJS.Timeout | null = null;
  private intervalSec = 0;

  constructor(pool: PoolRuntime, heloName: string, logger: TLogger) {
    this.pool = pool;
    this.heloName = heloName;
    this.logger = logger.child({ pool: pool.name });
  }

  /** Starts, restarts on a new interval, or stops when the pool's monitor is NONE. */
  sync(): void {
    const { monitor } = this.pool.config;
    if (monitor.type !== 'SMTP') return this.stop();
    if (this.timer && this.intervalSec === monitor.intervalSec) return;

    this.stop();
    this.intervalSec = monitor.intervalSec;
    this.timer = setInterval(() => this.checkAll(), monitor.intervalSec * 1000);
    this.timer.unref();
    this.checkAll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private checkAll(): void {
    for (const member of this.pool.members) {
      if (member.isEnabled) void this.check(member);
    }
  }

  private async check(member: MemberRuntime): Promise<void> {
    const watch = this.watchOf(member);
    if (watch.isProbing) return;

    const { intervalSec, timeoutSec } = this.pool.config.monitor;
    watch.isProbing = true;
    const probeTimeoutMs = Math.min(intervalSec, timeoutSec) * 1000;
    const failure = await probeMember(member, this.heloName, probeTimeoutMs);
    watch.isProbing = false;
    if (!this.timer) return;

    if (failure === null) {
      if (member.health !== 'up') this.logger.info({ member: member.key }, 'member up');
      watch.lastSuccessAt = Date.now();
      watch.failures = 0;
      member.markUp();
      return;
    }

    watch.failures += 1;
    const isOverdue = Date.now() - watch.lastSuccessAt >= timeoutSec * 1000;
    const isFailing = isOverdue || watch.failures >= DOWN_AFTER_FAILURES;
    const isDown = member.health === 'unchecked' || isFailing;
    if (!isDown || member.health === 'down') return;

    member.markDown(failure);
    this.logger.warn({ member: member.key, reason: failure }, 'member down');
  }

  private watchOf(member: MemberRuntime): TMemberWatch {
    let watch = this.watches.get(member);
    if (!watch) {
      watch = { lastSuccessAt: Date.now(), failures: 0, isProbing: false };
      this.watches.set(member, watch);
    }

    return watch;
  }
}
