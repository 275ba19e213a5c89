// The few IP address forms SPF needs: IPv4-mapped clients, the nibble and reverse-zone forms
// of RFC 7208 section 7.3, and the compact text of RFC 5952 for %{c} and the header.
import net from 'node:net';

const IPV6_GROUPS = 8;

/** The eight 16-bit groups of an IPv6 address (which net.isIPv6 has already accepted). */
export function toIpv6Groups(ip: string): number[] {
  let text = ip;
  const embedded = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (embedded) {
    const [a, b, c, d] = embedded.slice(1).map(Number) as [number, number, number, number];
    const high = ((a << 8) | b).toString(16);
    const low = ((c << 8) | d).toString(16);
    text = `${text.slice(0, embedded.index)}${high}:${low}`;
  }

  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array<string>(IPV6_GROUPS - headGroups.length - tailGroups.length).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];

  return groups.map((group) => Number.parseInt(group, 16));
}

/**
 * SPF treats an IPv4-mapped IPv6 client (::ffff:a.b.c.d, RFC 4291 section 2.5.5.2) as the IPv4
 * client it is, so ip4 mechanisms and A records apply to it.
 */
export function unmapIpv4(ip: string): string {
  if (!net.isIPv6(ip)) return ip;

  const groups = toIpv6Groups(ip);
  const isMapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (!isMapped) return ip;

  const [high = 0, low = 0] = groups.slice(6);

  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The 32 nibbles of an IPv6 address, most significant first. */
export function toNibbles(ip: string): string[] {
  return toIpv6Groups(ip).flatMap((group) => group.toString(16).padStart(4, '0').split(''));
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of zero groups as "::". */
export function toCanonicalIp(ip: string): string {
  if (!net.isIPv6(ip)) return ip;

  const groups = toIpv6Groups(ip);
  let best = { start: -1, length: 1 };
  for (let start = 0; start < IPV6_GROUPS; start += 1) {
    let length = 0;
    while (start + length < IPV6_GROUPS && groups[start + length] === 0) length += 1;
    if (length > best.length) best = { start, length };
  }

  const text = groups.map((group) => group.toString(16));
  if (best.start < 0) return text.join(':');

  const head = text.slice(0, best.start).join(':');
  const tail = text.slice(best.start + best.length).join(':');

  return `${head}::${tail}`;
}

/** The name whose PTR records map the address back to names (RFC 1035 3.5, RFC 3596 2.5). */
export function toReverseName(ip: string): string {
  if (net.isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;

  return `${toNibbles(ip).reverse().join('.')}.ip6.arpa`;
}

export function isSameIp(left: string, right: string): boolean {
  return net.isIP(left) !== 0 && toCanonicalIp(left) === toCanonicalIp(right);
}
