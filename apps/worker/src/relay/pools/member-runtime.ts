import type { TMemberStatus, TSnapshotMember } from '@portcullis/contracts';
import type { BackendConnection } from '../backend/backend-connection.ts';

interface TIdleConnection {
  connection: BackendConnection;
  since: number;
}

// A member the relay found broken, with no health monitor to bring it back, is
// tried again after this long.
const UNMONITORED_DOWN_HOLD_MS = 10_000;

// Idle connections kept per member; more would only hold the member's slots.
const MAX_IDLE_PER_MEMBER = 64;

/**
 * One pool member as the relay sees it: its health, its active connections (for
 * LEAST_CONNECTIONS) and the idle connections kept for reuse (SNAT Auto Map only).
 */
export class MemberRuntime {
  readonly key: string;
  readonly address: string;
  readonly port: number;
  nodeName: string;
  ratio: number;
  isEnabled: boolean;
  isMonitored = false;
  // Set when a snapshot removes the member (or its pool): connections coming back
  // from sessions in flight are closed instead of kept idle where nothing sweeps.
  isRetired = false;
  health: 'up' | 'down' | 'unchecked' = 'unchecked';
  reason: string | null = null;
  downSince = 0;
  active = 0;
  // Smooth weighted round robin state of the RATIO method.
  currentWeight = 0;
  private readonly idle: TIdleConnection[] = [];

  constructor(member: TSnapshotMember) {
    this.key = memberKey(member.address, member.port);
    this.address = member.address;
    this.port = member.port;
    this.nodeName = member.nodeName;
    this.ratio = member.ratio;
    this.isEnabled = member.enabled;
  }

  update(member: TSnapshotMember): void {
    this.nodeName = member.nodeName;
    this.ratio = member.ratio;
    this.isEnabled = member.enabled;
    if (!this.isEnabled) this.closeIdle();
  }

  isEligible(now: number): boolean {
    if (!this.isEnabled || this.isRetired) return false;
    if (this.health !== 'down') return true;

    // Without a monitor nothing else would ever bring the member back.
    return !this.isMonitored && now - this.downSince >= UNMONITORED_DOWN_HOLD_MS;
  }

  markDown(reason: string): void {
    if (this.health !== 'down') this.downSince = Date.now();

    this.health = 'down';
    this.reason = reason;
    this.closeIdle();
  }

  markUp(): void {
    this.health = 'up';
    this.reason = null;
  }

  status(): TMemberStatus {
    if (!this.isEnabled) return 'disabled';
    if (this.health === 'down') return 'down';

    return this.isMonitored ? this.health : 'unchecked';
  }

  /** The most recently used idle connection, so the oldest ones age out. */
  takeIdle(): BackendConnection | null {
    let entry = this.idle.pop();
    while (entry && entry.connection.isClosed) entry = this.idle.pop();
    if (!entry) return null;

    entry.connection.onClose = null;

    return entry.connection;
  }

  putIdle(connection: BackendConnection): void {
    if (connection.isClosed) return;
    const isUnwanted = this.isRetired || !this.isEnabled || this.health === 'down';
    if (isUnwanted || this.idle.length >= MAX_IDLE_PER_MEMBER) {
      connection.quit();
      return;
    }

    const entry = { connection, since: Date.now() };
    connection.onClose = () => {
      const index = this.idle.indexOf(entry);
      if (index !== -1) this.idle.splice(index, 1);
    };
    this.idle.push(entry);
  }

  retire(): void {
    this.isRetired = true;
    this.closeIdle();
  }

  /** Says QUIT to connections idle since before `cutoff` (all of them by default). */
  closeIdle(cutoff = Infinity): void {
    while (this.idle.length > 0 && (this.idle[0]?.since ?? Infinity) < cutoff) {
      const entry = this.idle.shift();
      if (!entry) break;

      entry.connection.onClose = null;
      entry.connection.quit();
    }
  }

  get idleCount(): number {
    return this.idle.length;
  }
}

export function memberKey(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
