// IP addresses as numbers, so a network is one mask and one compare.
import net from 'node:net';

export interface TIpAddress {
  family: 4 | 6;
  value: bigint;
}

const BITS: Record<4 | 6, number> = { 4: 32, 6: 128 };

export function bitsOf(family: 4 | 6): number {
  return BITS[family];
}

/** Parses an address; IPv4-mapped IPv6 (what dual-stack sockets report) counts as IPv4. */
export function parseIp(raw: string): TIpAddress | null {
  const text = raw.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text)?.[1];
  const address = mapped ?? text;

  if (net.isIPv4(address)) return { family: 4, value: ipv4ToBigInt(address) };
  if (net.isIPv6(address)) return { family: 6, value: ipv6ToBigInt(address) };

  return null;
}

export function prefixMask(prefix: number, family: 4 | 6): bigint {
  const bits = BITS[family];
  if (prefix <= 0) return 0n;

  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

export function formatIp(address: TIpAddress): string {
  if (address.family === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => Number((address.value >> shift) & 0xffn));

    return octets.join('.');
  }

  const groups = Array.from({ length: 8 }, (_, index) =>
    Number((address.value >> BigInt(112 - index * 16)) & 0xffffn).toString(16),
  );

  return compressZeros(groups);
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  const withoutZone = address.split('%')[0] ?? address;
  const expanded = splitEmbeddedIpv4(withoutZone);
  const [head = '', tail] = expanded.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros: string[] = Array(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];

  return groups.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n);
}

// "64:ff9b::192.0.2.1" ends in dotted IPv4: turn that into two hex groups.
function splitEmbeddedIpv4(address: string): string {
  const match = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) return address;

  const value = Number(ipv4ToBigInt(match[2]));

  return `${match[1]}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
}

// RFC 5952 4.2: the longest run of two or more zero groups becomes "::".
function compressZeros(groups: string[]): string {
  let best = { start: -1, length: 0 };
  let run = { start: -1, length: 0 };

  groups.forEach((group, index) => {
    if (group !== '0') {
      run = { start: -1, length: 0 };
      return;
    }
    run = run.start === -1 ? { start: index, length: 1 } : { ...run, length: run.length + 1 };
    if (run.length > best.length) best = { ...run };
  });

  if (best.length < 2) return groups.join(':');

  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');

  return `${head}::${tail}`;
}
