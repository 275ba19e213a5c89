// One UDP exchange with one server: send the query, wait for the datagram that answers it.
import dgram from 'node:dgram';
import { DnsError } from './dns-error.ts';
import type { DnsServerAddress } from './parse-server-address.ts';
import { setTimeoutAfterPendingIo } from './set-timeout-after-pending-io.ts';

export interface ExchangeRequest {
  server: DnsServerAddress;
  query: Buffer;
  timeoutMs: number;
  syscall: string;
  hostname: string;
  /** Tells our answer from stray or forged datagrams; false ones are ignored. */
  isAnswer: (message: Buffer) => boolean;
}

export function exchangeUdp(request: ExchangeRequest): Promise<Buffer> {
  const { server, query, timeoutMs, syscall, hostname, isAnswer } = request;

  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(server.family === 6 ? 'udp6' : 'udp4');

    let isSettled = false;
    const finish = (error: DnsError | null, message?: Buffer) => {
      if (isSettled) return;

      isSettled = true;
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(message as Buffer);
    };

    const timer = setTimeoutAfterPendingIo(
      () => finish(new DnsError('ETIMEOUT', syscall, hostname)),
      timeoutMs,
    );

    // A connected socket only receives datagrams from the server, and reports an ICMP
    // port-unreachable as ECONNREFUSED instead of letting us wait for the timeout.
    socket.on('message', (message) => {
      if (isAnswer(message)) finish(null, message);
    });
    // Like c-ares, any failure to reach the server is reported as ECONNREFUSED.
    socket.on('error', () => finish(new DnsError('ECONNREFUSED', syscall, hostname)));
    socket.connect(server.port, server.host, () => {
      if (!isSettled) socket.send(query);
    });
  });
}
