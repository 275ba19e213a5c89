import {
  ZSnapshot,
  type TSnapshot,
  type TSnapshotPool,
  type TSnapshotSecurityProfile,
  type TSnapshotVirtualServer,
} from '@portcullis/contracts';
import type { TDb } from '../db.ts';
import { getAntivirusOptions } from '../domain/antivirus/get-antivirus-options.ts';
import {
  readSecurityProfileFields,
} from '../domain/security-profiles/read-security-profile-fields.ts';
import { loadProfileResolution } from '../domain/service-profiles/load-profile-resolution.ts';
import { getDnsSettings } from '../domain/system/get-dns-settings.ts';
import { getRemoteLogging } from '../domain/system/get-remote-logging.ts';

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
  const resolution = await loadProfileResolution(db);

  return servers.map((server) => {
    const hasTls = Boolean(server.tlsCertificate && server.tlsKey);
    const { serviceProfileId } = server;

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
      securityProfile: serviceProfileId
        ? resolution.enforcedSecurityProfile(serviceProfileId)
        : null,
      tls: hasTls ? { certificate: server.tlsCertificate ?? '', key: server.tlsKey ?? '' } : null,
    };
  });
}

async function compileSecurityProfiles(db: TDb): Promise<TSnapshotSecurityProfile[]> {
  const rows = await db.securityProfile.findMany({ orderBy: { name: 'asc' } });

  // Read through the contract, so workers get every action and setting, defaults
  // filled in for checks added since the row was written.
  return rows.map((row) => {
    const { name, remoteLogging, actions, settings } = readSecurityProfileFields(row);

    return { name, remoteLogging, actions, settings };
  });
}

async function compileSystem(db: TDb) {
  const antivirus = await getAntivirusOptions(db);
  const parameters = await db.internalParameter.findMany({ orderBy: { name: 'asc' } });

  return {
    // The address wins when both are given: it needs no DNS lookup.
    antivirus: {
      host: antivirus.serverAddress ?? antivirus.serverHostName,
      port: antivirus.serverPort,
      guaranteeEnforcement: antivirus.guaranteeEnforcement,
    },
    internalParameters: Object.fromEntries(parameters.map((p) => [p.name, p.value])),
    dns: await getDnsSettings(db),
    remoteLogging: await getRemoteLogging(db),
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
