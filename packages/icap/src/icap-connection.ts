// One TCP connection to an ICAP server: buffered reads with a deadline, writes
// that honour back-pressure, and the state a pool needs to decide on reuse.
import net from 'node:net';
import { IcapError } from './icap-error.ts';

// Stop reading from the socket while this much is buffered and unread.
const PAUSE_ABOVE_BYTES = 1024 * 1024;

export class IcapConnection {
  // Response bytes received since the current request began.
  bytesReceived = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private failure: IcapError | null = null;
  private isEnded = false;
  private readDeadline: number | null = null;
  private isWriteAborted = false;
  private readonly waiters = new Set<() => void>();
  private idleTimer: NodeJS.Timeout | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => this.onData(data));
    socket.on('end', () => this.onEnd());
    socket.on('close', () => this.onEnd());
    socket.on('drain', () => this.notify());
    socket.on('error', (error) => this.fail(new IcapError('icap_connection_lost', error.message)));
  }

  /** Connects within `timeoutMs`; a refusal is icap_connect_failed, silence icap_timeout. */
  static open(host: string, port: number, timeoutMs: number): Promise<IcapConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new IcapError('icap_timeout', `connect to ${host}:${port} over ${timeoutMs} ms`));
      }, timeoutMs);
      const onError = (error: Error) => {
        clearTimeout(timer);
        reject(new IcapError('icap_connect_failed', `${host}:${port}: ${error.message}`));
      };

      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeListener('error', onError);
        resolve(new IcapConnection(socket));
      });
    });
  }

  /** Open, error-free and with nothing unread: safe to send the next request. */
  get isUsable(): boolean {
    return !this.failure && !this.isEnded && !this.socket.destroyed && this.buffer.length === 0;
  }

  beginRequest(): void {
    this.bytesReceived = 0;
    this.readDeadline = null;
    this.isWriteAborted = false;
  }

  /** Reads must complete within `timeoutMs` from now; null lifts the limit. */
  setReadTimeout(timeoutMs: number | null): void {
    this.readDeadline = timeoutMs === null ? null : Date.now() + timeoutMs;
    this.notify();
  }

  /** Bytes up to and including `delimiter`; more than `maxBytes` without it is malformed. */
  async readUntil(delimiter: string, maxBytes: number): Promise<Buffer> {
    for (;;) {
      const index = this.buffer.indexOf(delimiter, 0, 'latin1');
      const end = index + delimiter.length;
      if (index >= 0 && end <= maxBytes) return this.take(end);

      if (index >= 0 || this.buffer.length > maxBytes) {
        const shown = JSON.stringify(delimiter);
        throw new IcapError('icap_protocol_error', `no ${shown} within ${maxBytes} bytes`);
      }

      await this.waitForData();
    }
  }

  async readExactly(length: number): Promise<Buffer> {
    while (this.buffer.length < length) await this.waitForData();

    return this.take(length);
  }

  /** Between 1 and `maxBytes` bytes, as soon as any are available. */
  async readSome(maxBytes: number): Promise<Buffer> {
    while (this.buffer.length === 0) await this.waitForData();

    return this.take(Math.min(maxBytes, this.buffer.length));
  }

  /**
   * Writes all `parts` in one go (corked) and waits while the socket needs to
   * drain, at most `timeoutMs` per wait; returns early once writes are aborted.
   */
  async write(parts: readonly (Buffer | string)[], timeoutMs: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.isEnded) throw new IcapError('icap_connection_lost', 'connection closed by server');

    this.socket.cork();
    for (const part of parts) this.socket.write(part);
    this.socket.uncork();

    const until = Date.now() + timeoutMs;
    while (this.socket.writableNeedDrain && !this.isWriteAborted) {
      await this.waitForEvent(until, 'write');
      if (this.failure) throw this.failure;
    }
  }

  /** The response is complete: a writer still streaming the body stops. */
  abortWrites(): void {
    this.isWriteAborted = true;
    this.notify();
  }

  get isWritingAborted(): boolean {
    return this.isWriteAborted;
  }

  /** Marks the connection failed and closes it; pending and later calls throw `error`. */
  fail(error: IcapError): void {
    this.failure ??= error;
    this.socket.destroy();
    this.notify();
  }

  destroy(): void {
    this.clearIdle();
    this.socket.destroy();
  }

  /** Parks the connection: it no longer keeps the process alive and closes after `ms`. */
  park(ms: number, onExpire: () => void): void {
    this.socket.unref();
    this.idleTimer = setTimeout(onExpire, ms);
    this.idleTimer.unref();
  }

  unpark(): void {
    this.clearIdle();
    this.socket.ref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private take(length: number): Buffer {
    const out = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    if (this.socket.isPaused() && this.buffer.length < PAUSE_ABOVE_BYTES) this.socket.resume();

    return out;
  }

  private async waitForData(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.isEnded) throw new IcapError('icap_connection_lost', 'connection closed mid-response');

    await this.waitForEvent(this.readDeadline, 'read');
  }

  /** Resolves on the next socket event or deadline change; rejects when `until` passes. */
  private waitForEvent(until: number | null, what: string): Promise<void> {
    const remaining = until === null ? null : until - Date.now();
    if (remaining !== null && remaining <= 0) {
      return Promise.reject(new IcapError('icap_timeout', `ICAP ${what} timed out`));
    }

    return new Promise((resolve, reject) => {
      const timer =
        remaining === null
          ? null
          : setTimeout(() => {
              this.waiters.delete(wake);
              reject(new IcapError('icap_timeout', `ICAP ${what} timed out`));
            }, remaining);
      const wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      this.waiters.add(wake);
    });
  }

  private notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  private onData(data: Buffer): void {
    this.bytesReceived += data.length;
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
    if (this.buffer.length >= PAUSE_ABOVE_BYTES) this.socket.pause();
    this.notify();
  }

  private onEnd(): void {
    this.isEnded = true;
    this.notify();
  }
}
