// Makes an expanded target name ready for a query, or says that no such name can exist.

const MAX_NAME_OCTETS = 253;
const MAX_LABEL_OCTETS = 63;

/**
 * RFC 7208 section 7.3: an expanded name over 253 characters loses labels from the left until
 * it fits. A name that still cannot be a DNS name (an empty label, a label over 63 octets) can
 * have no records; like a malformed <domain> in section 4.3, it is treated as non-existent.
 */
export function prepareLookupName(name: string): string | undefined {
  const labels = (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  while (labels.length > 1 && Buffer.byteLength(labels.join('.')) > MAX_NAME_OCTETS) {
    labels.shift();
  }

  const isPossible = labels.every(
    (label) => label.length > 0 && Buffer.byteLength(label) <= MAX_LABEL_OCTETS,
  );

  return isPossible ? labels.join('.') : undefined;
}
