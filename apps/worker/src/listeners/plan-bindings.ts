import type { TSnapshotVirtualServer } from '@portcullis/contracts';
import { parseNetwork, type TIpNetwork } from '../net/ip-network.ts';

/** One listening socket and the virtual servers it serves. */
export interface TBinding {
  key: string;
  address: string;
  port: number;
  // Most specific first, so dispatch takes the first that contains the local address.
  virtualServers: TBoundVirtualServer[];
}

export interface TBoundVirtualServer {
  name: string;
  network: TIpNetwork;
}

export interface TBindingPlan {
  bindings: Map<string, TBinding>;
  // Virtual servers that cannot listen, with the reason shown to the administrator.
  errors: Map<string, string>;
}

const WILDCARD = { 4: '0.0.0.0', 6: '::' } as const;

// A destination while grouping: `isWide` when it needs the wildcard socket.
type TGroupEntry = TBoundVirtualServer & { address: string; isWide: boolean };

/**
 * Groups enabled virtual servers into sockets whose binds cannot collide: a port on
 * which any network destination (or a wildcard host) listens gets one wildcard
 * socket per address family, and connections are dispatched by local address;
 * otherwise each host address gets its own socket.
 */
export function planBindings(virtualServers: TSnapshotVirtualServer[]): TBindingPlan {
  const errors = new Map<string, string>();
  const groups = new Map<string, TGroupEntry[]>();
  const enabled = virtualServers.filter((vs) => vs.enabled);
  const sorted = enabled.sort((a, b) => a.name.localeCompare(b.name));

  for (const vs of sorted) {
    const isNetwork = vs.destination.type === 'NETWORK';
    const network = parseNetwork(vs.destination.address, isNetwork ? vs.destination.mask : null);
    if (!network) {
      const { address, mask } = vs.destination;
      errors.set(vs.name, `invalid destination ${address}/${mask ?? ''}`);
      continue;
    }

    const groupKey = `${network.family}|${vs.port}`;
    const group = groups.get(groupKey) ?? [];
    const clash = group.find((other) => sameNetwork(other.network, network));
    if (clash) {
      errors.set(vs.name, `destination and port already used by virtual server ${clash.name}`);
      continue;
    }

    const isWide = isNetwork || network.prefix === 0;
    group.push({ name: vs.name, network, address: vs.destination.address, isWide });
    groups.set(groupKey, group);
  }

  const bindings = new Map<string, TBinding>();
  for (const [groupKey, group] of groups) {
    const [family, port] = groupKey.split('|').map(Number) as [4 | 6, number];
    const needsWildcard = group.some((vs) => vs.isWide);

    for (const vs of group) {
      const address = needsWildcard ? WILDCARD[family] : vs.address;
      const key = `${address}|${port}`;
      const binding = bindings.get(key) ?? { key, address, port, virtualServers: [] };
      binding.virtualServers.push({ name: vs.name, network: vs.network });
      bindings.set(key, binding);
    }
  }

  for (const binding of bindings.values()) {
    binding.virtualServers.sort((a, b) => b.network.prefix - a.network.prefix);
  }

  return { bindings, errors };
}

function sameNetwork(a: TIpNetwork, b: TIpNetwork): boolean {
  return a.family === b.family && a.base === b.base && a.prefix === b.prefix;
}
