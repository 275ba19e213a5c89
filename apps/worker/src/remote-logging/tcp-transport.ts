// Syslog over TCP with RFC 6587 3.4.1 octet counting: `MSG-LEN SP SYSLOG-MSG`, so a message
// may hold anything, newlines included. Messages wait in a bounded queue while the server
// is away; the connection comes back with backoff. Nothing here ever waits on the socket.
import net from 'node:net';
import { FrameQueue } from './frame-queue.ts';
import type { TLogAddress } from './resolve-log-host.ts';
import {
  DEFAULT_QUEUE_LIMITS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  reasonOf,
  retryDelay,
  type TSyslogTransport,
  type TTransportOptions,
} from './syslog-transport.ts';

// rsyslog's default maxMessageSize (8 KiB); MSG is cut to fit it.
export const TCP_MAX_MESSAGE_BYTES = 8192;
// Bytes the socket may buffer before the queue holds the rest (and can drop the oldest).
const SOCKET_HIGH_WATER_BYTES = 256 * 1024;
const CONNECT_TIMEOUT_MS = 5_000;
const KEEPALIVE_MS = 30_000;

export function frameOctetCounted(message: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${message.length} `, 'ascii'), message]);
}

export function createTcpTransport(options: TTransportOptions): TSyslogTransport {
  const { logger, port, host } = options;
  const retryBaseMs = options.retryBaseMs ?? RETRY_BASE_MS;
  const retryMaxMs = options.retryMaxMs ?? RETRY_MAX_MS;
  const queue = new FrameQueue({ ...DEFAULT_QUEUE_LIMITS, ...options.queue });
  let target: TLogAddress | null = null;
  let socket: net.Socket | null = null;
  let isConnected = false;
  let isClosing = false;
  // Past close(): a lookup still under way must not open a connection any more.
  let isClosed = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let droppedAtOutage = 0;
  let sent = 0;
  let onSettled: (() => void) | null = null;

  const pump = (isFinal = false) => {
    while (socket && isConnected && queue.length > 0) {
      if (!isFinal && socket.writableLength >= SOCKET_HIGH_WATER_BYTES) return;

      socket.write(queue.shift() as Buffer);
      sent += 1;
    }
    if (isFinal && socket) socket.end();
  };

  const fail = (reason: string) => {
    if (failures === 0) {
      droppedAtOutage = queue.dropped;
      logger.warn({ code: 'SYSLOG_UNREACHABLE', host, port, transport: 'TCP', reason },
        'remote log server unreachable; queueing');
    }
    failures += 1;
    if (isClosing) return onSettled?.();

    timer = setTimeout(connect, retryDelay(failures - 1, retryBaseMs, retryMaxMs));
    timer.unref();
  };

  const onConnected = () => {
    isConnected = true;
    const fields = { host, address: target?.address, port, transport: 'TCP' };
    if (failures > 0) {
      const dropped = queue.dropped - droppedAtOutage;
      logger.info({ ...fields, dropped }, 'remote log server back');
    } else {
      logger.info(fields, 'remote logging ready');
    }
    failures = 0;
    pump(isClosing);
  };

  async function connect(): Promise<void> {
    timer = null;
    try {
      target ??= await options.resolve();
    } catch (error) {
      return fail(`lookup: ${reasonOf(error)}`);
    }
    if (isClosed) return;

    let reason = 'closed by the server';
    const next = net.connect({ host: target.address, port, family: target.family });
    socket = next;
    next.setNoDelay(true);
    next.setTimeout(CONNECT_TIMEOUT_MS, () => next.destroy(new Error('connect timed out')));
    next.once('connect', () => {
      next.setTimeout(0);
      next.setKeepAlive(true, KEEPALIVE_MS);
      onConnected();
    });
    next.on('drain', () => pump());
    next.on('error', (error) => {
      reason = reasonOf(error);
    });
    // A syslog server says nothing; whatever it sends is read and ignored.
    next.resume();
    next.once('close', () => {
      const wasConnected = isConnected;
      socket = null;
      isConnected = false;
      if (isClosing && wasConnected) return onSettled?.();

      fail(reason);
    });
  }
  void connect();

  return {
    maxMessageBytes: TCP_MAX_MESSAGE_BYTES,
    send(message) {
      if (isClosing) return;

      queue.push(frameOctetCounted(message));
      if (queue.dropped % 1000 === 1) {
        const fields = { code: 'SYSLOG_QUEUE_FULL', dropped: queue.dropped };
        logger.warn(fields, 'remote log queue full, dropping the oldest');
      }
      pump();
    },
    async close(deadlineMs) {
      isClosing = true;
      const settled = new Promise<void>((resolve) => {
        onSettled = resolve;
      });
      if (isConnected) {
        pump(true);
      } else if (timer) {
        // Waiting out a backoff: one more try now, for what is still queued.
        clearTimeout(timer);
        void connect();
      }

      const deadline = new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref());
      await Promise.race([settled, deadline]);
      isClosed = true;
      socket?.destroy();
      queue.clear();
    },
    stats: () => ({ sent, dropped: queue.dropped, queued: queue.length }),
  };
}
