// A keep-alive pool of ICAP connections: a connection goes back to the pool
// only after a complete response, and is dropped after any error.
import { IcapConnection } from './icap-connection.ts';
import { IcapError } from './icap-error.ts';

export interface TPoolConfig {
  host: string;
  port: number;
  maxConnections: number;
  timeoutMs: number;
  idleTimeoutMs: number;
}

export interface TLease {
  connection: IcapConnection;
  // True when the connection served an earlier request: it may have gone stale.
  isReused: boolean;
}

interface TWaiter {
  wake(): void;
  timer: NodeJS.Timeout;
}

export class ConnectionPool {
  opened = 0;
  reused = 0;
  dropped = 0;
  private limit: number;
  private opening = 0;
  private isClosed = false;
  private readonly idle: IcapConnection[] = [];
  private readonly busy = new Set<IcapConnection>();
  private readonly waiters: TWaiter[] = [];

  constructor(private readonly config: TPoolConfig) {
    this.limit = config.maxConnections;
  }

  get idleCount(): number {
    return this.idle.length;
  }

  get busyCount(): number {
    return this.busy.size;
  }

  /** Applies the server's Max-Connections (RFC 3507 section 4.10.2) below our own limit. */
  setServerLimit(maxConnections: number | null): void {
    const own = this.config.maxConnections;
    this.limit = maxConnections && maxConnections > 0 ? Math.min(own, maxConnections) : own;
  }

  /** A parked connection (most recently used first), a new one, or the next one freed. */
  async acquire(options: { isFreshOnly?: boolean } = {}): Promise<TLease> {
    const deadline = Date.now() + this.config.timeoutMs;
    for (;;) {
      if (this.isClosed) throw new IcapError('icap_client_closed', 'ICAP client closed');

      const parked = options.isFreshOnly ? undefined : this.takeParked();
      if (parked) return { connection: parked, isReused: true };

      if (this.busy.size + this.opening < this.limit) {
        return { connection: await this.open(), isReused: false };
      }

      await this.waitForSlot(deadline);
    }
  }

  /** Parks a connection that finished a complete exchange; destroys anything else. */
  release(connection: IcapConnection, isReusable: boolean): void {
    this.busy.delete(connection);
    const hasRoom = this.busy.size + this.idle.length < this.limit;
    if (isReusable && connection.isUsable && hasRoom && !this.isClosed) {
      connection.park(this.config.idleTimeoutMs, () => this.expire(connection));
      this.idle.push(connection);
    } else {
      connection.destroy();
      this.dropped += 1;
    }
    this.wakeOne();
  }

  /** Closes every parked connection, e.g. after one of them turned out stale. */
  dropIdle(): void {
    for (const connection of this.idle.splice(0)) {
      connection.destroy();
      this.dropped += 1;
    }
  }

  close(): void {
    this.isClosed = true;
    this.dropIdle();
    for (const waiter of this.waiters.splice(0)) waiter.wake();
  }

  private takeParked(): IcapConnection | undefined {
    for (let connection = this.idle.pop(); connection; connection = this.idle.pop()) {
      connection.unpark();
      if (connection.isUsable) {
        this.busy.add(connection);
        this.reused += 1;

        return connection;
      }
      connection.destroy();
      this.dropped += 1;
    }

    return undefined;
  }

  private async open(): Promise<IcapConnection> {
    this.opening += 1;
    try {
      const { host, port, timeoutMs } = this.config;
      const connection = await IcapConnection.open(host, port, timeoutMs);
      this.busy.add(connection);
      this.opened += 1;

      return connection;
    } finally {
      this.opening -= 1;
      this.wakeOne();
    }
  }

  private expire(connection: IcapConnection): void {
    const index = this.idle.indexOf(connection);
    if (index >= 0) this.idle.splice(index, 1);
    connection.destroy();
    this.dropped += 1;
  }

  private waitForSlot(deadline: number): Promise<void> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(poolTimeout(this.config.timeoutMs));

    return new Promise((resolve, reject) => {
      const waiter: TWaiter = {
        wake: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(poolTimeout(this.config.timeoutMs));
        }, remaining),
      };
      this.waiters.push(waiter);
    });
  }

  private wakeOne(): void {
    this.waiters.shift()?.wake();
  }
}

function poolTimeout(timeoutMs: number): IcapError {
  return new IcapError('icap_pool_timeout', `no ICAP connection free within ${timeoutMs} ms`);
}
