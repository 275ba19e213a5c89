// Networks (CIDR) for exemptions and block lists, and the network a client is counted under.
import { PolicyError } from '../results/policy-error.ts';
import { bitsOf, formatIp, parseIp, prefixMask, type TIpAddress } from './ip-address.ts';

export interface TIpNetwork {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

/** "192.0.2.0/24", "2001:db8::/32" or a bare address (a network of one). Null when neither. */
export function parseCidr(text: string): TIpNetwork | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? '0')) return null;

  const ip = parseIp(address);
  if (!ip) return null;

  // "::ffff:192.0.2.0/120" is written in IPv6 bits but parses as IPv4.
  const writtenBits = address.includes(':') ? 128 : 32;
  const prefix = prefixText === undefined ? writtenBits : Number(prefixText);
  if (prefix > writtenBits) return null;

  const ownPrefix = Math.max(0, prefix - (writtenBits - bitsOf(ip.family)));
  const base = ip.value & prefixMask(ownPrefix, ip.family);

  return { family: ip.family, base, prefix: ownPrefix };
}

export function isInNetwork(network: TIpNetwork, address: TIpAddress): boolean {
  if (address.family !== network.family) return false;

  return (address.value & prefixMask(network.prefix, network.family)) === network.base;
}

/** Parses a client address or throws INVALID_CLIENT_ADDRESS (a caller bug). */
export function requireClientIp(client: string): TIpAddress {
  const ip = parseIp(client);
  if (ip) return ip;

  throw new PolicyError('INVALID_CLIENT_ADDRESS', `not an IP address: ${client}`);
}

// Every message of a client asks for its networks again (rate limits, greylisting, harvest):
// each client's are worked out once, by the prefixes asked for, and kept while the same few
// clients come back. The cache starts over when full, so a flood of addresses cannot grow it.
const NETWORK_CACHE_CLIENTS = 10_000;
const networkCache = new Map<string, Map<number, string>>();

/**
 * The network a client is counted under, as text: "192.0.2.0/24", "2001:db8:1:2::/64".
 * IPv6 hosts get whole networks (a /64 is one customer), so rotating addresses inside it
 * earns nothing.
 */
export function toClientNetwork(client: string, ipv4Prefix: number, ipv6Prefix: number): string {
  const prefixes = ipv4Prefix * 256 + ipv6Prefix;
  let networks = networkCache.get(client);
  const cached = networks?.get(prefixes);
  if (cached !== undefined) return cached;

  const ip = requireClientIp(client);
  const prefix = ip.family === 4 ? ipv4Prefix : ipv6Prefix;
  const base = { family: ip.family, value: ip.value & prefixMask(prefix, ip.family) };
  const network = `${formatIp(base)}/${prefix}`;

  if (!networks) {
    if (networkCache.size >= NETWORK_CACHE_CLIENTS) networkCache.clear();
    networks = new Map();
    networkCache.set(client, networks);
  }
  networks.set(prefixes, network);

  return network;
}
