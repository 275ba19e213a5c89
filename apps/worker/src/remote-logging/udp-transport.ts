// Syslog over UDP (RFC 5426): one message per datagram. The server's absence is invisible
// here (no answer is expected), so messages simply go; only a lookup failure holds them.
import dgram from 'node:dgram';
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

// RFC 5426 3.2: every receiver SHOULD take 2048 octets; larger datagrams may be cut or lost.
export const UDP_MAX_MESSAGE_BYTES = 2048;
// Datagrams handed to the socket and not yet sent; beyond it, new ones are dropped.
const MAX_IN_FLIGHT = 1000;

export function createUdpTransport(options: TTransportOptions): TSyslogTransport {
  const { logger, port } = options;
  const queue = new FrameQueue({ ...DEFAULT_QUEUE_LIMITS, ...options.queue });
  let target: TLogAddress | null = null;
  let socket: dgram.Socket | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let inFlight = 0;
  let sent = 0;
  let failed = 0;
  let isClosed = false;

  const transmit = (message: Buffer) => {
    if (!socket || !target) return;
    if (inFlight >= MAX_IN_FLIGHT) {
      failed += 1;
      return;
    }

    inFlight += 1;
    socket.send(message, port, target.address, (error) => {
      inFlight -= 1;
      if (error) failed += 1;
      else sent += 1;
    });
  };

  const lookUp = async () => {
    try {
      target = await options.resolve();
    } catch (error) {
      if (isClosed) return;
      if (failures === 0) {
        logger.warn({ code: 'SYSLOG_UNRESOLVED', host: options.host, reason: reasonOf(error) },
          'remote log host not resolved; retrying');
      }
      timer = setTimeout(lookUp, retryDelay(failures, options.retryBaseMs ?? RETRY_BASE_MS,
        options.retryMaxMs ?? RETRY_MAX_MS));
      timer.unref();
      failures += 1;
      return;
    }

    if (isClosed) return;
    socket = dgram.createSocket(target.family === 6 ? 'udp6' : 'udp4');
    socket.on('error', (error) => {
      logger.warn({ reason: reasonOf(error) }, 'remote log socket error');
    });
    socket.unref();
    logger.info({ host: options.host, address: target.address, port, transport: 'UDP' },
      'remote logging ready');
    for (let message = queue.shift(); message; message = queue.shift()) transmit(message);
  };
  void lookUp();

  return {
    maxMessageBytes: UDP_MAX_MESSAGE_BYTES,
    send(message) {
      if (isClosed) return;
      if (socket) transmit(message);
      else queue.push(message);
    },
    async close(deadlineMs) {
      isClosed = true;
      if (timer) clearTimeout(timer);
      queue.clear();
      const deadline = Date.now() + deadlineMs;
      while (inFlight > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }

      socket?.close();
    },
    stats: () => ({ sent, dropped: queue.dropped + failed, queued: queue.length }),
  };
}
