import { isIP, isIPv4, isIPv6 } from 'node:net';

// RFC 1123 section 2.1 host names: dot-separated labels of letters, digits and
// inner dashes, 63 octets a label, 253 in all; a trailing dot is allowed.
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}\\.?$)${LABEL}(?:\\.${LABEL})*\\.?$`);
const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function isHostName(value: string): boolean {
  return HOST_NAME.test(value);
}

/** An IPv4 or IPv6 address (without a zone), or a host name. */
export function isHostOrAddress(value: string): boolean {
  return isAddress(value) || isHostName(value);
}

function isAddress(value: string): boolean {
  return isIP(value) !== 0 && !value.includes('%');
}

function isPort(text: string): boolean {
  const port = Number(text);

  return /^\d{1,5}$/.test(text) && port >= 1 && port <= 65535;
}

/**
 * One address in the canonical text the API stores and compares: IPv6 in its
 * shortest lower-case form, an IPv4-mapped IPv6 address as plain IPv4 (a
 * dual-stack listener reports IPv4 clients that way). Undefined for anything else.
 */
export function canonicalAddress(value: string): string | undefined {
  const mapped = MAPPED_IPV4.exec(value)?.[1];
  if (mapped !== undefined) return isIPv4(mapped) ? mapped : undefined;
  if (isIPv4(value)) return value;
  if (!isIPv6(value) || value.includes('%')) return undefined;

  // The URL parser serialises IPv6 hosts canonically (RFC 5952).
  return new URL(`http://[${value}]/`).hostname.slice(1, -1);
}

/** `10.0.0.0/8` or `2001:db8::/32` as its address and prefix length. */
export function parseNetwork(value: string): { address: string; prefixLength: number } | undefined {
  const [text, length, ...rest] = value.split('/');
  if (rest.length > 0 || text === undefined || length === undefined) return undefined;
  if (!/^\d{1,3}$/.test(length)) return undefined;

  const address = canonicalAddress(text);
  const prefixLength = Number(length);
  if (address === undefined) return undefined;
  if (prefixLength > (isIPv4(address) ? 32 : 128)) return undefined;

  return { address, prefixLength };
}

/**
 * A DNS server as Node's resolver takes it: an address, `a.b.c.d:port` or
 * `[v6]:port`.
 */
export function isResolverAddress(value: string): boolean {
  if (isIPv4(value) || (isIPv6(value) && !value.includes('%'))) return true;

  const v4 = /^([\d.]+):(\d+)$/.exec(value);
  if (v4) return isIPv4(v4[1] ?? '') && isPort(v4[2] ?? '');

  const v6 = /^\[([^\]%]+)\]:(\d+)$/.exec(value);

  return v6 !== null && isIPv6(v6[1] ?? '') && isPort(v6[2] ?? '');
}
