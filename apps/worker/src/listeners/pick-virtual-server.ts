import { isInNetwork } from '../net/ip-network.ts';
import type { TBoundVirtualServer } from './plan-bindings.ts';

/**
 * The virtual server a connection belongs to: the most specific destination that
 * contains the local address the client connected to (the list is sorted most
 * specific first). Null when none does; the connection is then closed.
 */
export function pickVirtualServer(
  candidates: TBoundVirtualServer[],
  localAddress: string,
): string | null {
  for (const candidate of candidates) {
    if (isInNetwork(candidate.network, localAddress)) return candidate.name;
  }

  return null;
}
