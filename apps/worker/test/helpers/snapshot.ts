import net from 'node:net';
import {
  VIOLATION_NAMES,
  ZSnapshotSecurityProfile,
  type TSnapshot,
  type TSnapshotPool,
  type TSnapshotSecurityProfile,
  type TSnapshotVirtualServer,
  type TViolation,
} from '@portcullis/contracts';

export function virtualServer(
  name: string,
  port: number,
  overrides: Partial<TSnapshotVirtualServer> = {},
): TSnapshotVirtualServer {
  return {
    name,
    destination: { type: 'HOST', address: '127.0.0.1', mask: null },
    port,
    enabled: true,
    snatPool: 'AUTOMAP',
    pool: 'pool_a',
    serviceProfile: 'smtp',
    securityProfile: null,
    tls: null,
    ...overrides,
  };
}

export function pool(
  name: string,
  memberPorts: number[],
  overrides: Partial<TSnapshotPool> = {},
): TSnapshotPool {
  return {
    name,
    loadBalancingMethod: 'ROUND_ROBIN',
    monitor: { type: 'NONE', intervalSec: 5, timeoutSec: 16 },
    members: memberPorts.map((port, i) => ({
      id: i + 1,
      nodeName: `member_${i}`,
      address: '127.0.0.1',
      port,
      ratio: 1,
      enabled: true,
    })),
    ...overrides,
  };
}

export function snapshot(version: number, parts: Partial<TSnapshot> = {}): TSnapshot {
  return {
    version,
    createdAt: new Date().toISOString(),
    virtualServers: [],
    pools: [],
    securityProfiles: [],
    antivirus: { host: null, port: 1344, guaranteeEnforcement: false },
    internalParameters: {},
    dns: { resolvers: [], timeoutMs: 3000 },
    remoteLogging: { enabled: false, host: null, port: 514, transport: 'UDP' },
    ...parts,
  };
}

/** A port that was free a moment ago, for a virtual server to listen on. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type TActionFlags = { alarm: boolean; block: boolean };
const NEITHER: TActionFlags = { alarm: false, block: false };

/**
 * A security profile where only the violations given have actions; every other check is
 * off, so a test exercises one check without DNS, greylisting or limits getting in the way.
 */
export function profileWith(
  name: string,
  actions: Partial<Record<TViolation, TActionFlags>>,
  settings: Record<string, unknown> = {},
): TSnapshotSecurityProfile {
  const all = Object.fromEntries(VIOLATION_NAMES.map((violation) => [violation, NEITHER]));

  return ZSnapshotSecurityProfile.parse({
    name,
    remoteLogging: false,
    actions: { ...all, ...actions },
    settings,
  });
}

export const BLOCK: TActionFlags = { alarm: true, block: true };
export const ALARM: TActionFlags = { alarm: true, block: false };
