// Mail validation: disallowed senders, by envelope address, domain, client network or the
// client's reverse-DNS name (see parse-sender-patterns.ts for the notation).
//
// The reverse name is looked up (PTR) only when the list has names to match. It is not
// confirmed forward: a client that lies in its PTR record can only lie its way into a
// match, never out of one. A PTR lookup that fails (timeout, SERVFAIL) is a temporary
// failure, as in Postfix: a client could otherwise dodge the list by breaking its own
// reverse zone. No PTR record at all matches no name.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { DnsResolver } from '@portcullis/spf';
import { domainOf, isDomainListed, normalizeAddress } from '../mail/address.ts';
import { isInNetwork, requireClientIp } from '../net/ip-network.ts';
import { toReverseName } from '../net/reverse-name.ts';
import type { TTemporaryFailure, TViolationFound } from '../results/check-result.ts';
import { lookup } from './dns-outcome.ts';
import { parseSenderPatterns } from './parse-sender-patterns.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

export async function checkDisallowedSender(
  input: { client: string; sender: string | null },
  settings: TValidationSettings,
  resolver: DnsResolver,
): Promise<TViolationFound | TTemporaryFailure | null> {
  const patterns = parseSenderPatterns(settings.disallowedSenders);
  const sender = normalizeAddress(input.sender);
  const domain = domainOf(sender);
  const client = requireClientIp(input.client);
  const found = (detail: string): TViolationFound => ({ violation: 'disallowed_sender', detail });

  if (sender !== '' && patterns.addresses.has(sender)) {
    return found(`sender <${sender}> is listed`);
  }
  if (domain !== '' && isDomainListed(domain, patterns.domains)) {
    return found(`sender domain ${domain} is listed`);
  }
  if (patterns.networks.some((network) => isInNetwork(network, client))) {
    return found(`client ${input.client} is in a listed network`);
  }
  if (patterns.reverseNames.length === 0) return null;

  const reverseName = toReverseName(client);
  const ptr = await lookup(() => resolver.resolvePtr(reverseName));
  if ('failure' in ptr) {
    return { temporary: 'dns_unavailable', detail: `PTR of ${input.client}: ${ptr.failure}` };
  }
  if ('isVoid' in ptr) return null;

  const name = ptr.records.find((candidate) => isDomainListed(candidate, patterns.reverseNames));

  return name ? found(`client name ${name} is listed`) : null;
}
