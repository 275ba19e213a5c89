// Which reverse proxies may name the client in X-Forwarded-For. The API takes the header
// only from these, so that behind a proxy the audit log and the sign-in limits see each
// client's own address rather than the proxy's, and nobody else can claim an address.
import net from 'node:net';
import { z } from 'zod';

// proxy-addr's (Fastify's) names for whole ranges.
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;

  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;

  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** "10.0.0.5, 192.0.2.0/24, loopback" as a list; every entry must be an address or network. */
export const ZTrustedProxies = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
  .refine((entries) => entries.every(isProxyEntry), {
    message: 'must list IP addresses or networks (192.0.2.10, 10.0.0.0/8, ::1), or loopback',
  });
