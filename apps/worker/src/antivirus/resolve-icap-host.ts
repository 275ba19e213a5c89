// The ICAP server's address: an IP address as it is, a host name looked up through the
// snapshot's DNS resolvers (A first, then AAAA), answers kept as the checks' DNS cache does.
import net from 'node:net';
import type { TSnapshot } from '@portcullis/contracts';
import { IcapError } from '@portcullis/icap';
import { createDnsResolver, type DnsResolver } from '@portcullis/spf';
import { createCachingResolver } from '../protection/create-caching-resolver.ts';

// Rounds over the resolvers: a lookup ends within timeoutMs × tries × resolvers.
const RESOLVER_TRIES = 2;

export function createHostResolver(dns: TSnapshot['dns']): DnsResolver {
  const resolver = createDnsResolver({
    servers: dns.resolvers,
    timeoutMs: dns.timeoutMs,
    tries: RESOLVER_TRIES,
  });

  return createCachingResolver(resolver);
}

/** Throws IcapError icap_connect_failed when the name has no address: nothing to scan with. */
export async function resolveIcapHost(host: string, resolver: DnsResolver): Promise<string> {
  if (net.isIP(host)) return host;

  const failures: string[] = [];
  for (const lookup of [() => resolver.resolve4(host), () => resolver.resolve6(host)]) {
    try {
      const addresses = await lookup();
      if (addresses[0]) return addresses[0];
    } catch (error) {
      failures.push((error as Error).message);
    }
  }

  const why = failures.length ? failures.join('; ') : 'no address';
  throw new IcapError('icap_connect_failed', `ICAP server name ${host} not resolved: ${why}`);
}
