// Chooses what SPF checks for a transaction: the MAIL FROM mailbox (RFC 7208 section 2.4), or
// for the null sender postmaster@<HELO name> (same section), and whether its domain can be
// checked at all (section 4.3).
import { domainToASCII } from 'node:url';
import { isTopLabel } from './check-domain-spec.ts';

export interface SpfIdentity {
  kind: 'mailfrom' | 'helo';
  /** <sender>: always local-part@domain; a missing local part reads "postmaster" (4.3). */
  sender: string;
  domain: string;
}

const MAX_DOMAIN_OCTETS = 253;
const LABEL = /^[a-z0-9_-]{1,63}$/i;

export function readIdentity(mailFrom: string | null | undefined, helo: string): SpfIdentity {
  const address = (mailFrom ?? '').trim().replace(/^<(.*)>$/, '$1');
  if (address === '') {
    return { kind: 'helo', sender: `postmaster@${helo}`, domain: helo };
  }

  const at = address.lastIndexOf('@');
  const localPart = at > 0 ? address.slice(0, at) : 'postmaster';
  const domain = at >= 0 ? address.slice(at + 1) : address;

  return { kind: 'mailfrom', sender: `${localPart}@${domain}`, domain };
}

/**
 * Section 4.3: a malformed <domain> (an empty label, a label over 63 octets, a domain literal)
 * or one that is not a multi-label name gives "none" without any lookup. Returns the domain
 * ready for lookup (A-labels, no root dot, lower case), or undefined.
 */
export function toCheckableDomain(domain: string): string | undefined {
  const bare = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  const ascii = /^[\x21-\x7e]*$/.test(bare) ? bare : domainToASCII(bare);
  const labels = ascii.split('.');

  const isWellFormed =
    labels.length >= 2 &&
    Buffer.byteLength(ascii) <= MAX_DOMAIN_OCTETS &&
    labels.every((label) => LABEL.test(label)) &&
    isTopLabel(labels.at(-1) ?? '');

  return isWellFormed ? ascii.toLowerCase() : undefined;
}
