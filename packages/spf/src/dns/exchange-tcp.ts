// One TCP exchange with one server (RFC 1035 section 4.2.2: two-octet length, then the message),
// used when the UDP answer came back truncated (RFC 7766 section 5).
import net from 'node:net';
import { DnsError } from './dns-error.ts';
import type { ExchangeRequest } from './exchange-udp.ts';
import { setTimeoutAfterPendingIo } from './set-timeout-after-pending-io.ts';

const LENGTH_OCTETS = 2;

export function exchangeTcp(request: ExchangeRequest): Promise<Buffer> {
  const { server, query, timeoutMs, syscall, hostname, isAnswer } = request;

  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);

    let isSettled = false;
    const finish = (error: DnsError | null, message?: Buffer) => {
      if (isSettled) return;

      isSettled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(message as Buffer);
    };

    const timer = setTimeoutAfterPendingIo(
      () => finish(new DnsError('ETIMEOUT', syscall, hostname)),
      timeoutMs,
    );

    const framed = Buffer.alloc(LENGTH_OCTETS + query.length);
    framed.writeUInt16BE(query.length, 0);
    query.copy(framed, LENGTH_OCTETS);

    socket.on('connect', () => socket.write(framed));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < LENGTH_OCTETS) return;

      const length = received.readUInt16BE(0);
      if (received.length < LENGTH_OCTETS + length) return;

      const message = received.subarray(LENGTH_OCTETS, LENGTH_OCTETS + length);
      if (isAnswer(message)) finish(null, message);
      else finish(new DnsError('EBADRESP', syscall, hostname));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'ECONNRESET';
      finish(new DnsError(code, syscall, hostname));
    });
    socket.on('end', () => finish(new DnsError('ECONNRESET', syscall, hostname)));
  });
}
