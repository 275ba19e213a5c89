// The counter keys the checks use, in one place so their layout is documented once. The
// store puts its namespace ("portcullis:") in front of each.
import { normalizeAddress } from '../mail/address.ts';
import { toClientNetwork } from '../net/ip-network.ts';

// An IPv6 host owns at least a /64 (RFC 6177 advises far more): counting per address would
// let one host rotate out of every limit.
export const HARVEST_IPV6_PREFIX_LENGTH = 64;

export const COUNTER_KEYS = {
  /** Messages from one client: its IPv4 address, or its IPv6 network. */
  clientMessages: (network: string) => `rate:client:${network}`,
  /** Messages from one envelope sender; the null sender is counted per client network. */
  senderMessages: (sender: string, network: string) =>
    sender === '' ? `rate:sender:<>:${network}` : `rate:sender:${sender}`,
  /** Live connections of one client. */
  connections: (network: string) => `conn:${network}`,
  /** One greylisting triplet. */
  greylist: (network: string, sender: string, recipient: string) =>
    `grey:${network}:<${sender}>:<${recipient}>`,
  /** Unknown recipients one client asked for. */
  harvestCount: (network: string) => `harvest:count:${network}`,
  /** Present while a harvesting client is refused. */
  harvestBlock: (network: string) => `harvest:block:${network}`,
} as const;

/** The key a client is rate-limited under: the address for IPv4, the network for IPv6. */
export function rateNetwork(client: string, ipv6PrefixLength: number): string {
  return toClientNetwork(client, 32, ipv6PrefixLength);
}

export function harvestNetwork(client: string): string {
  return toClientNetwork(client, 32, HARVEST_IPV6_PREFIX_LENGTH);
}

export function senderKey(sender: string | null | undefined): string {
  return normalizeAddress(sender);
}
