// The client's address as the audit log records it and the sign-in limits count it: the
// connecting address, or the one a trusted proxy named (Fastify's request.ip). A proxy may
// write "address:port" or anything at all in X-Forwarded-For; a port would give a client
// a fresh count per connection, and text would be recorded as an address. Only a bare IP
// is taken; anything else counts as the proxy itself.
import net from 'node:net';
import type { FastifyRequest } from 'fastify';

const BRACKETED_WITH_PORT = /^\[([^\]]+)\](?::\d{1,5})?$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** A bare IP address from what a proxy wrote, or null when it holds none. */
export function parseForwardedAddress(value: string): string | null {
  const trimmed = value.trim();
  const address =
    BRACKETED_WITH_PORT.exec(trimmed)?.[1] ?? IPV4_WITH_PORT.exec(trimmed)?.[1] ?? trimmed;
  if (net.isIP(address) === 0) return null;

  return IPV4_MAPPED.exec(address)?.[1] ?? address.toLowerCase();
}

export function clientAddressOf(request: FastifyRequest): string {
  const connecting = request.socket.remoteAddress ?? request.ip;
  if (request.ip === connecting) return parseForwardedAddress(connecting) ?? connecting;

  return parseForwardedAddress(request.ip) ?? parseForwardedAddress(connecting) ?? connecting;
}
