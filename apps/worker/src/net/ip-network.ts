import net from 'node:net';

/** An address or network as a number, so containment is one mask and compare. */
export interface TIpNetwork {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

interface TIpValue {
  family: 4 | 6;
  value: bigint;
}

export function parseIp(raw: string): TIpValue | null {
  // A dual-stack socket reports IPv4 peers as IPv4-mapped IPv6 addresses.
  const address = raw.startsWith('::ffff:') && net.isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
  if (net.isIPv4(address)) return { family: 4, value: ipv4ToBigInt(address) };
  if (net.isIPv6(address)) return { family: 6, value: ipv6ToBigInt(address) };

  return null;
}

/**
 * Parses a destination network. The mask is a dotted mask (255.255.255.0), an IPv6
 * mask (ffff:ffff::), or a prefix length ("24"). Returns null when it is not one.
 */
export function parseNetwork(address: string, mask: string | null): TIpNetwork | null {
  const ip = parseIp(address);
  if (!ip) return null;

  const bits = ip.family === 4 ? 32 : 128;
  const prefix = mask === null ? bits : parsePrefix(mask, ip.family);
  if (prefix === null || prefix > bits) return null;

  return { family: ip.family, base: ip.value & prefixMask(prefix, bits), prefix };
}

export function isInNetwork(network: TIpNetwork, address: string): boolean {
  const ip = parseIp(address);
  if (!ip || ip.family !== network.family) return false;

  const bits = network.family === 4 ? 32 : 128;

  return (ip.value & prefixMask(network.prefix, bits)) === network.base;
}

function parsePrefix(mask: string, family: 4 | 6): number | null {
  if (/^\d{1,3}$/.test(mask)) return Number(mask);

  const parsed = parseIp(mask);
  if (!parsed || parsed.family !== family) return null;

  // A valid mask is a run of ones followed by zeros.
  const bits = family === 4 ? 32 : 128;
  const ones = parsed.value.toString(2).padStart(bits, '0');

  return /^1*0*$/.test(ones) ? ones.indexOf('0') === -1 ? bits : ones.indexOf('0') : null;
}

function prefixMask(prefix: number, bits: number): bigint {
  if (prefix === 0) return 0n;

  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  const withoutZone = address.split('%')[0] ?? address;
  const expanded = expandEmbeddedIpv4(withoutZone);
  const [head = '', tail] = expanded.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const zeros: string[] = Array(missing).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];

  return groups.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n);
}

// "::ffff:10.0.0.1" style addresses end in dotted IPv4; turn that into two groups.
function expandEmbeddedIpv4(address: string): string {
  const match = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (!match || !match[2]) return address;

  const value = Number(ipv4ToBigInt(match[2]));

  return `${match[1]}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
}
