// The PTR query name of an address (RFC 1035 3.5 in-addr.arpa, RFC 3596 2.5 ip6.arpa).
import type { TIpAddress } from './ip-address.ts';

export function toReverseName(address: TIpAddress): string {
  if (address.family === 4) {
    const octets = [0n, 8n, 16n, 24n].map((shift) => (address.value >> shift) & 0xffn);

    return `${octets.join('.')}.in-addr.arpa`;
  }

  const nibbles = Array.from({ length: 32 }, (_, index) =>
    ((address.value >> BigInt(index * 4)) & 0xfn).toString(16),
  );

  return `${nibbles.join('.')}.ip6.arpa`;
}
