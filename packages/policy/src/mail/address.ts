// Envelope addresses as the checks compare them: lower case, no angle brackets.

/** Lower-cases and strips angle brackets and spaces; '' is the null reverse-path. */
export function normalizeAddress(address: string | null | undefined): string {
  return (address ?? '').trim().replace(/^<(.*)>$/, '$1').trim().toLowerCase();
}

/** The domain after the last '@', without a trailing dot; '' when there is none. */
export function domainOf(address: string): string {
  const normalized = normalizeAddress(address);
  const at = normalized.lastIndexOf('@');
  if (at === -1) return '';

  return normalized.slice(at + 1).replace(/\.$/, '');
}

/**
 * Whether a domain is one of the listed ones. A listed ".example.com" covers example.com
 * and every name under it; "example.com" covers itself only.
 */
export function isDomainListed(domain: string, listed: readonly string[]): boolean {
  const name = domain.toLowerCase().replace(/\.$/, '');

  return listed.some((entry) => {
    const item = entry.trim().toLowerCase().replace(/\.$/, '');
    if (item.startsWith('.')) return name.endsWith(item) || name === item.slice(1);

    return item !== '' && name === item;
  });
}
