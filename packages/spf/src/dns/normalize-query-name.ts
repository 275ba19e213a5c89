// Checks that a name can be encoded as a DNS question. Unlike node:dns we accept any octets in a
// label (SPF macros expand local parts into names: spaces, quotes, '%'), because the wire format
// allows them (RFC 2181 section 11); only what cannot be encoded at all is refused.
import { DnsError } from './dns-error.ts';

const MAX_LABEL_OCTETS = 63;
const MAX_NAME_OCTETS = 253;

/** Returns the name without its trailing root dot, or throws EBADNAME. */
export function normalizeQueryName(name: string, syscall: string): string {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  const labels = bare.split('.');

  const isEncodable =
    bare.length > 0 &&
    Buffer.byteLength(bare) <= MAX_NAME_OCTETS &&
    labels.every((label) => label.length > 0 && Buffer.byteLength(label) <= MAX_LABEL_OCTETS);

  if (!isEncodable) throw new DnsError('EBADNAME', syscall, name);

  return bare;
}
