// The log server's address, looked up once per configuration: through the resolvers of
// System › DNS when there are any (as the checks' lookups go), else the system's resolver
// (getaddrinfo: /etc/hosts, then resolv.conf). An IP address is taken as it is.
import dns from 'node:dns';
import net from 'node:net';

export interface TLogHostDns {
  resolvers: string[];
  timeoutMs: number;
}

export interface TLogAddress {
  address: string;
  family: 4 | 6;
}

const RESOLVER_TRIES = 2;

export async function resolveLogHost(host: string, settings: TLogHostDns): Promise<TLogAddress> {
  const family = net.isIP(host);
  if (family === 4 || family === 6) return { address: host, family };

  if (settings.resolvers.length === 0) {
    const found = await dns.promises.lookup(host);

    return { address: found.address, family: found.family === 6 ? 6 : 4 };
  }

  const timeout = settings.timeoutMs;
  const resolver = new dns.promises.Resolver({ timeout, tries: RESOLVER_TRIES });
  resolver.setServers(settings.resolvers);
  const [v4] = await resolver.resolve4(host).catch(() => [] as string[]);
  if (v4) return { address: v4, family: 4 };

  // No A record: an AAAA one, and its error (ENOTFOUND, ETIMEOUT...) when there is none.
  const [v6] = await resolver.resolve6(host);
  if (!v6) throw new Error(`no address for ${host}`);

  return { address: v6, family: 6 };
}
