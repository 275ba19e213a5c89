import {
  ZSecurityProfileSettings,
  ZSnapshot,
  ZViolationActions,
  type TSnapshot,
  type TSnapshotPool,
  type TSnapshotVirtualServer,
} from '@portcullis/contracts';
import type { TDb } from '../db.ts';
import { resolveProfileSettings } from '../domain/service-profiles/resolve-profile-settings.ts';

const ANTIVIRUS_DEFAULTS = { host: null, port: 1344, guaranteeEnforcement: true };
const DNS_DEFAULTS = { resolvers: [], timeoutMs: 2000 };
const REMOTE_LOGGING_DEFAULTS = {
  enabled: false,
  host: null,
  port: 514,
  transport: 'UDP' as const,
};

async function compilePools(db: TDb): Promise<TSnapshotPool[]> {
  const pools = await db.pool.findMany({
    orderBy: { name: 'asc' },
    include: { members: { orderBy: { id: 'asc' } } },
  });

  return pools.map((pool) => ({
    name: pool.name,
    loadBalancingMethod: pool.loadBalancingMethod,
    monitor: {
      type: pool.monitor,
      intervalSec: pool.monitorIntervalSec,
      timeoutSec: pool.monitorTimeoutSec,
    },
    members: pool.members.map((member) => ({
      id: member.id,
      nodeName: member.nodeName,
      address: member.address,
      port: member.servicePort,
      ratio: member.ratio,
      enabled: member.enabled,
    })),
  }));
}

async function compileVirtualServers(db: TDb): Promise<TSnapshotVirtualServer[]> {
  const servers = await db.virtualServer.findMany({
    orderBy: { name: 'asc' },
    include: { defaultPool: true, serviceProfile: true },
  });
  const profiles = await db.serviceProfile.findMany();
  const securityProfiles = await db.securityProfile.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  });
  const resolved = resolveProfileSettings(profiles, securityProfiles[0]?.id ?? null);
  const securityNames = new Map(securityProfiles.map((profile) => [profile.id, profile.name]));

  return servers.map((server) => {
    const effective = server.serviceProfileId ? resolved.get(server.serviceProfileId) : undefined;
    const securityProfileId = effective?.protocolSecurity ? effective.securityProfileId : null;
    const hasTls = Boolean(server.tlsCertificate && server.tlsKey);

    return {
      name: server.name,
      destination: {
        type: server.destinationType,
        address: server.destinationAddress,
        mask: server.destinationMask,
      },
      port: server.servicePort,
      enabled: server.enabled,
      snatPool: server.snatPool,
      pool: server.defaultPool?.name ?? null,
      serviceProfile: server.serviceProfile?.name ?? null,
      securityProfile: securityProfileId ? (securityNames.get(securityProfileId) ?? null) : null,
      tls: hasTls ? { certificate: server.tlsCertificate ?? '', key: server.tlsKey ?? '' } : null,
    };
  });
}

async function compileSecurityProfiles(db: TDb) {
  const profiles = await db.securityProfile.findMany({ orderBy: { name: 'asc' } });

  // Parsing through the contract fills in defaults for checks added since the row was
  // written, so workers always get every setting.
  return profiles.map((profile) => ({
    name: profile.name,
    remoteLogging: profile.remoteLogging,
    actions: ZViolationActions.parse(profile.actions ?? {}),
    settings: ZSecurityProfileSettings.parse(profile.settings ?? {}),
  }));
}

async function compileSystem(db: TDb) {
  const antivirus = await db.antivirusOptions.findUnique({ where: { id: 1 } });
  const parameters = await db.internalParameter.findMany({ orderBy: { name: 'asc' } });
  const dns = await db.dnsSettings.findUnique({ where: { id: 1 } });
  const remoteLogging = await db.remoteLoggingServer.findUnique({ where: { id: 1 } });

  return {
    antivirus: antivirus
      ? {
          host: antivirus.serverAddress ?? antivirus.serverHostName ?? null,
          port: antivirus.serverPort,
          guaranteeEnforcement: antivirus.guaranteeEnforcement,
        }
      : ANTIVIRUS_DEFAULTS,
    internalParameters: Object.fromEntries(parameters.map((p) => [p.name, p.value])),
    dns: dns ? { resolvers: dns.resolvers, timeoutMs: dns.timeoutMs } : DNS_DEFAULTS,
    remoteLogging: remoteLogging
      ? {
          enabled: remoteLogging.enabled,
          host: remoteLogging.host,
          port: remoteLogging.port,
          transport: remoteLogging.transport,
        }
      : REMOTE_LOGGING_DEFAULTS,
  };
}

/**
 * Compiles the whole configuration into one self-contained snapshot: names
 * resolved, service-profile inheritance applied, security settings completed with
 * their defaults. Workers need nothing else to serve. Run it inside the transaction
 * that made the change, so the snapshot is exactly what was committed.
 */
export async function compileSnapshot(
  db: TDb,
  version: number,
  createdAt: Date,
): Promise<TSnapshot> {
  const virtualServers = await compileVirtualServers(db);
  const pools = await compilePools(db);
  const securityProfiles = await compileSecurityProfiles(db);
  const system = await compileSystem(db);

  // The contract is checked here, at the source, so no worker is ever sent a
  // snapshot it would refuse.
  return ZSnapshot.parse({
    version,
    createdAt: createdAt.toISOString(),
    virtualServers,
    pools,
    securityProfiles,
    ...system,
  });
}
