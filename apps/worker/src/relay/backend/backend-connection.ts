import net from 'node:net';
import { WorkerError } from '../../errors/worker-error.ts';
import { BACKEND_TIMEOUTS_MS } from './backend-timeouts.ts';
import { NO_CAPABILITIES, parseCapabilities, type TCapabilities } from './parse-capabilities.ts';
import { ReplyParser, replyText, type TSmtpReply } from './parse-replies.ts';

export interface TBackendTarget {
  address: string;
  port: number;
}

interface TWaiter {
  resolve(reply: TSmtpReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The relay's own SMTP client for one connection to a pool member: one command
 * in flight at a time, replies parsed incrementally, a deadline per command. The
 * message data itself is written straight to `socket` by the relay.
 */
export class BackendConnection {
  readonly socket: net.Socket;
  readonly target: TBackendTarget;
  capabilities: TCapabilities = NO_CAPABILITIES;
  isClosed = false;
  closeReason: Error | null = null;
  // Set by whoever holds the connection idle, to forget it when the member hangs up.
  onClose: (() => void) | null = null;

  private readonly parser = new ReplyParser();
  private waiter: TWaiter | null = null;
  private unread: TSmtpReply[] = [];
  private isGreeted = false;

  private constructor(socket: net.Socket, target: TBackendTarget) {
    this.socket = socket;
    this.target = target;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => {
      this.fail(new WorkerError('BACKEND_CLOSED', error.message, { cause: error }));
    });
    socket.on('close', () => {
      this.fail(new WorkerError('BACKEND_CLOSED', 'connection closed by the member'));
    });
  }

  /** Connects, reads the 220 greeting and introduces itself with EHLO (HELO as fallback). */
  static async open(
    target: TBackendTarget,
    heloName: string,
    signal?: AbortSignal,
  ): Promise<BackendConnection> {
    const socket = net.connect({ host: target.address, port: target.port, noDelay: true });
    const connection = new BackendConnection(socket, target);
    const onAbort = () => {
      connection.fail(new WorkerError('BACKEND_TIMEOUT', 'gave up on the member'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      await connection.waitForConnect();

      const greeting = await connection.readReply(BACKEND_TIMEOUTS_MS.greeting);
      connection.isGreeted = true;
      if (greeting.code !== 220) {
        const reason = `greeting ${greeting.code} ${replyText(greeting)}`;
        throw new WorkerError('BACKEND_CONNECT_FAILED', reason);
      }

      await connection.hello(heloName);
    } catch (error) {
      connection.destroy();
      throw asConnectError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }

    return connection;
  }

  /** EHLO, or HELO when the member is not ESMTP (RFC 5321 3.2). */
  async hello(heloName: string): Promise<void> {
    const ehlo = await this.command(`EHLO ${heloName}`, BACKEND_TIMEOUTS_MS.command);
    if (ehlo.code === 250) {
      this.capabilities = parseCapabilities(ehlo);
      return;
    }

    const helo = await this.command(`HELO ${heloName}`, BACKEND_TIMEOUTS_MS.command);
    if (helo.code !== 250) {
      const reason = `HELO refused: ${helo.code} ${replyText(helo)}`;
      throw new WorkerError('BACKEND_CONNECT_FAILED', reason);
    }

    this.capabilities = NO_CAPABILITIES;
  }

  command(line: string, timeoutMs: number): Promise<TSmtpReply> {
    if (this.isClosed) return Promise.reject(this.closeReason ?? closedError());

    this.socket.write(`${line}\r\n`);

    return this.readReply(timeoutMs);
  }

  readReply(timeoutMs: number): Promise<TSmtpReply> {
    const queued = this.unread.shift();
    if (queued) return Promise.resolve(queued);
    if (this.isClosed) return Promise.reject(this.closeReason ?? closedError());

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new WorkerError('BACKEND_TIMEOUT', `no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = { resolve, reject, timer };
    });
  }

  /** Says goodbye without waiting for the 221; the member closes its side. */
  quit(): void {
    if (this.isClosed) return;

    this.isClosed = true;
    this.socket.end('QUIT\r\n');
    this.socket.setTimeout(BACKEND_TIMEOUTS_MS.command, () => this.socket.destroy());
  }

  destroy(): void {
    this.fail(new WorkerError('BACKEND_CLOSED', 'connection dropped by the gateway'));
  }

  private waitForConnect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const reason = `connect timed out after ${BACKEND_TIMEOUTS_MS.connect} ms`;
        reject(new WorkerError('BACKEND_CONNECT_FAILED', reason));
      }, BACKEND_TIMEOUTS_MS.connect);
      const onError = (error: Error) => {
        clearTimeout(timer);
        this.socket.removeListener('close', onClose);
        reject(new WorkerError('BACKEND_CONNECT_FAILED', error.message, { cause: error }));
      };
      const onClose = () => onError(this.closeReason ?? new Error('connection closed'));

      this.socket.once('error', onError);
      this.socket.once('close', onClose);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        this.socket.removeListener('error', onError);
        this.socket.removeListener('close', onClose);
        resolve();
      });
    });
  }

  private onData(chunk: Buffer): void {
    let replies: TSmtpReply[];
    try {
      replies = this.parser.push(chunk);
    } catch (error) {
      this.fail(error as Error);
      return;
    }

    for (const reply of replies) this.deliver(reply);
  }

  private deliver(reply: TSmtpReply): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = null;
      clearTimeout(waiter.timer);
      waiter.resolve(reply);
      return;
    }

    // Before the greeting is read a reply is simply early. After it, a reply nobody
    // asked for (an idle timeout's 421) would be taken as the answer to the next
    // command, so the connection is unusable.
    if (!this.isGreeted) {
      this.unread.push(reply);
      return;
    }

    const reason = `unexpected reply ${reply.code} ${replyText(reply)}`;
    this.fail(new WorkerError('BACKEND_PROTOCOL', reason));
  }

  private fail(error: Error): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }

    this.isClosed = true;
    this.closeReason ??= error;
    if (!this.socket.destroyed) this.socket.destroy();

    const onClose = this.onClose;
    this.onClose = null;
    onClose?.();
  }
}

function closedError(): WorkerError {
  return new WorkerError('BACKEND_CLOSED', 'connection is closed');
}

function asConnectError(error: unknown): WorkerError {
  if (error instanceof WorkerError && error.code === 'BACKEND_CONNECT_FAILED') return error;

  const message = error instanceof Error ? error.message : String(error);

  return new WorkerError('BACKEND_CONNECT_FAILED', message, { cause: error });
}
