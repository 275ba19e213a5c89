// The "validated" host names of the client, as the ptr mechanism (RFC 7208 section 5.5) and the
// %{p} macro (section 7.3) define them: PTR names whose own addresses include the client's.
import net from 'node:net';
import type { DnsResolver } from '../dns/create-dns-resolver.ts';
import { isSameIp, toReverseName } from './ip-address.ts';

/** RFC 7208 section 4.6.4: at most 10 PTR names are looked up further. */
const MAX_PTR_NAMES = 10;

/** Names are spliced into records for the engine, so only plain host-name octets qualify. */
const PLAIN_HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/i;

/** Any DNS error means no validated name; errors on one name skip that name (section 5.5). */
export async function findValidatedNames(resolver: DnsResolver, ip: string): Promise<string[]> {
  let names: string[];
  try {
    names = await resolver.resolvePtr(toReverseName(ip));
  } catch {
    return [];
  }

  const candidates = names
    .map((name) => (name.endsWith('.') ? name.slice(0, -1) : name))
    .filter((name) => PLAIN_HOST_NAME.test(name))
    .slice(0, MAX_PTR_NAMES);

  const checks = candidates.map(async (name) => {
    const addresses = await (net.isIPv6(ip) ? resolver.resolve6(name) : resolver.resolve4(name));

    return addresses.some((address) => isSameIp(address, ip)) ? name : undefined;
  });
  const settled = await Promise.allSettled(checks);

  return settled.flatMap((outcome) =>
    outcome.status === 'fulfilled' && outcome.value ? [outcome.value] : [],
  );
}

/**
 * RFC 7208 section 7.3 on %{p}: the <domain> itself if validated, else a validated subdomain of
 * it, else any validated name, else "unknown".
 */
export function pickValidatedDomain(names: string[], domain: string): string {
  const target = domain.toLowerCase();
  const exact = names.find((name) => name.toLowerCase() === target);
  const subdomain = names.find((name) => name.toLowerCase().endsWith(`.${target}`));

  return exact ?? subdomain ?? names[0] ?? 'unknown';
}
