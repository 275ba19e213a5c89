// Turns the 'ip' / 'ip:port' / '[ipv6]:port' strings of the resolver options into socket targets.
import net from 'node:net';

export interface DnsServerAddress {
  host: string;
  port: number;
  family: 4 | 6;
}

const DNS_PORT = 53;

export function parseServerAddress(text: string): DnsServerAddress {
  const trimmed = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  const hostPort = /^([^:]+):(\d+)$/.exec(trimmed);
  const [host, port] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : hostPort
      ? [hostPort[1] ?? '', hostPort[2]]
      : [trimmed, undefined];

  const family = net.isIP(host);
  if (family === 0) throw new TypeError(`DNS server is not an IP address: ${text}`);

  const portNumber = port === undefined ? DNS_PORT : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
    throw new TypeError(`DNS server port is out of range: ${text}`);
  }

  return { host, port: portNumber, family: family === 6 ? 6 : 4 };
}
