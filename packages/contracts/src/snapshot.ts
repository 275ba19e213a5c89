import { z } from 'zod';
import { ZHealthMonitor, ZLoadBalancingMethod } from './pool.ts';
import { ZSecurityProfileSettings } from './security-settings.ts';
import { ZDestinationType, ZSnatPool } from './virtual-server.ts';
import { ZViolationActions } from './violations.ts';

/**
 * The configuration snapshot the API compiles and pushes to every worker. It is
 * self-contained (names resolved, inheritance applied) so a worker needs nothing
 * else to serve, and it is what the worker caches on disk.
 */
export const ZSnapshotMember = z.object({
  id: z.number().int(),
  nodeName: z.string(),
  address: z.string(),
  port: z.number().int(),
  ratio: z.number().int(),
  enabled: z.boolean(),
});
export type TSnapshotMember = z.infer<typeof ZSnapshotMember>;

export const ZSnapshotPool = z.object({
  name: z.string(),
  loadBalancingMethod: ZLoadBalancingMethod,
  monitor: z.object({ type: ZHealthMonitor, intervalSec: z.number(), timeoutSec: z.number() }),
  members: z.array(ZSnapshotMember),
});
export type TSnapshotPool = z.infer<typeof ZSnapshotPool>;

export const ZSnapshotSecurityProfile = z.object({
  name: z.string(),
  remoteLogging: z.boolean(),
  actions: ZViolationActions,
  settings: ZSecurityProfileSettings,
});
export type TSnapshotSecurityProfile = z.infer<typeof ZSnapshotSecurityProfile>;

export const ZSnapshotVirtualServer = z.object({
  name: z.string(),
  destination: z.object({
    type: ZDestinationType,
    address: z.string(),
    mask: z.string().nullable(),
  }),
  port: z.number().int(),
  enabled: z.boolean(),
  snatPool: ZSnatPool,
  pool: z.string().nullable(),
  serviceProfile: z.string().nullable(),
  // Null when Protocol Security is off for the virtual server's service profile.
  securityProfile: z.string().nullable(),
  tls: z.object({ certificate: z.string(), key: z.string() }).nullable(),
});
export type TSnapshotVirtualServer = z.infer<typeof ZSnapshotVirtualServer>;

export const ZSnapshotAntivirus = z.object({
  host: z.string().nullable(),
  port: z.number().int(),
  guaranteeEnforcement: z.boolean(),
});

export const ZSnapshot = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  virtualServers: z.array(ZSnapshotVirtualServer),
  pools: z.array(ZSnapshotPool),
  securityProfiles: z.array(ZSnapshotSecurityProfile),
  antivirus: ZSnapshotAntivirus,
  internalParameters: z.record(z.string(), z.string()),
  dns: z.object({ resolvers: z.array(z.string()), timeoutMs: z.number().int() }),
  remoteLogging: z.object({
    enabled: z.boolean(),
    host: z.string().nullable(),
    port: z.number().int(),
    transport: z.enum(['UDP', 'TCP']),
  }),
});
export type TSnapshot = z.infer<typeof ZSnapshot>;
