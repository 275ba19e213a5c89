// The profile's disallowedSenders list, sorted by kind once per list:
//   "spammer@example.com"   an envelope sender address
//   "@example.com"          every sender of a domain ("@.example.com": and its subdomains)
//   "192.0.2.0/24", "2001:db8::/32", "192.0.2.7"   client networks
//   "host.example", ".dynamic.example", "*.dynamic.example"   the client's reverse-DNS
//                           name, exactly or by suffix
import { normalizeAddress } from '../mail/address.ts';
import { parseCidr, type TIpNetwork } from '../net/ip-network.ts';

export interface TSenderPatterns {
  addresses: Set<string>;
  domains: string[];
  networks: TIpNetwork[];
  reverseNames: string[];
}

const parsed = new WeakMap<readonly string[], TSenderPatterns>();

export function parseSenderPatterns(list: readonly string[]): TSenderPatterns {
  const cached = parsed.get(list);
  if (cached) return cached;

  const patterns: TSenderPatterns = {
    addresses: new Set(),
    domains: [],
    networks: [],
    reverseNames: [],
  };
  for (const entry of list) addPattern(patterns, entry.trim().toLowerCase());
  parsed.set(list, patterns);

  return patterns;
}

function addPattern(patterns: TSenderPatterns, entry: string): void {
  const network = parseCidr(entry);

  if (entry === '') return;
  else if (entry.startsWith('@')) patterns.domains.push(entry.slice(1));
  else if (entry.includes('@')) patterns.addresses.add(normalizeAddress(entry));
  else if (network) patterns.networks.push(network);
  else patterns.reverseNames.push(entry.startsWith('*.') ? entry.slice(1) : entry);
}
