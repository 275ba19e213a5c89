// Mail validation: no open relay. With protectedDomains set, a recipient in any other domain
// is refused. An empty list accepts every domain (the contract's default).
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import { domainOf, isDomainListed, normalizeAddress } from '../mail/address.ts';
import type { TViolationFound } from '../results/check-result.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

/**
 * Entries are domains ("example.com"), or ".example.com" for a domain and all names under
 * it. The bare "postmaster" recipient is always accepted (RFC 5321 4.1.1.3).
 */
export function checkRecipientDomain(
  recipient: string,
  settings: TValidationSettings,
): TViolationFound | null {
  if (settings.protectedDomains.length === 0) return null;
  if (normalizeAddress(recipient) === 'postmaster') return null;

  const domain = domainOf(recipient);
  if (domain !== '' && isDomainListed(domain, settings.protectedDomains)) return null;

  return {
    violation: 'relay_denied',
    detail: `recipient domain ${domain || '(none)'} is not protected here`,
  };
}
