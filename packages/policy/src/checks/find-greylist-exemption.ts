// Who greylisting leaves alone: clients in exempt networks, senders of exempt domains,
// exempt recipients, and (when the profile says so) senders SPF vouched for.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import { domainOf, isDomainListed, normalizeAddress } from '../mail/address.ts';
import { parseIp } from '../net/ip-address.ts';
import { isInNetwork, parseCidr, type TIpNetwork } from '../net/ip-network.ts';

type TGreylistSettings = TSecurityProfileSettings['greylisting'];

export interface TGreylistInput {
  client: string;
  /** MAIL FROM without brackets; '' or null for the null sender. */
  sender: string | null;
  recipient: string;
  /** The caller's SPF result was pass: exempts when skipWhenSpfPasses is set. */
  isSpfPass?: boolean;
}

// Settings come from an immutable snapshot, so each list is parsed once.
const parsedNetworks = new WeakMap<readonly string[], TIpNetwork[]>();

/** Why the triplet is exempt, or null when greylisting applies. */
export function findGreylistExemption(
  input: TGreylistInput,
  settings: TGreylistSettings,
): string | null {
  if (settings.skipWhenSpfPasses && input.isSpfPass) return 'SPF passed';

  // Parsed only when there is a network to compare it with: this runs for every recipient.
  const networks = readNetworks(settings.exemptNetworks);
  const client = networks.length > 0 ? parseIp(input.client) : null;
  const network = client && networks.find((candidate) => isInNetwork(candidate, client));
  if (network) return `client ${input.client} is in an exempt network`;

  const senderDomain = domainOf(input.sender ?? '');
  if (senderDomain && isDomainListed(senderDomain, settings.exemptSenderDomains)) {
    return `sender domain ${senderDomain} is exempt`;
  }

  if (isRecipientListed(input.recipient, settings.exemptRecipients)) {
    return `recipient ${normalizeAddress(input.recipient)} is exempt`;
  }

  return null;
}

function readNetworks(list: readonly string[]): TIpNetwork[] {
  const cached = parsedNetworks.get(list);
  if (cached) return cached;

  // The contract's pattern lets a few malformed entries through; they match nothing.
  const networks = list.map(parseCidr).filter((network) => network !== null);
  parsedNetworks.set(list, networks);

  return networks;
}

/** Whole addresses, or "@example.com" for every recipient of a domain. */
function isRecipientListed(recipient: string, listed: readonly string[]): boolean {
  const address = normalizeAddress(recipient);
  const domain = domainOf(address);

  return listed.some((entry) => {
    const item = normalizeAddress(entry);
    if (item.startsWith('@')) return domain !== '' && isDomainListed(domain, [item.slice(1)]);

    return item === address;
  });
}
