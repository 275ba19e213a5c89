// Which reverse proxies may name the client in X-Forwarded-For. The API takes the header
// only from these, so that behind a proxy the audit log and the sign-in limits see each
// client's own address rather than the proxy's, and nobody else can claim an address.
import net from 'node:net';
import { z } from 'zod';

// proxy-addr's (Fastify's) names for whole ranges.
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

// Why an entry is not a proxy address or network, or null when it is one.
function entryProblem(entry: string): string | null {
  if (RANGE_NAMES.includes(entry)) return null;

  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an IP address or network`;
  if (prefix === undefined) return null;

  const bits = Number(prefix);
  const maxBits = family === 4 ? 32 : 128;
  // A /0 would let every address on the internet name its own client.
  const isPrefix = /^\d{1,3}$/.test(prefix) && bits >= 1 && bits <= maxBits;

  return isPrefix ? null : `"${entry}" needs a prefix length from 1 to ${maxBits}`;
}

/** "10.0.0.5, 192.0.2.0/24, loopback" as a list; every entry must be an address or network. */
export const ZTrustedProxies = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
  .superRefine((entries, context) => {
    for (const entry of entries) {
      const problem = entryProblem(entry);
      if (!problem) continue;

      const hint = 'list IP addresses or networks (192.0.2.10, 10.0.0.0/8, ::1), or loopback';
      context.addIssue({ code: 'custom', message: `${problem}; ${hint}` });
    }
  });
