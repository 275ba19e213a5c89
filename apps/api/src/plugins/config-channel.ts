import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TDb } from '../db.ts';
import { auditConfigChange, type TConfigAudit } from '../domain/audit/audit-config-change.ts';
import { commitConfigChange } from '../snapshots/commit-config-change.ts';
import { ensureSnapshot } from '../snapshots/ensure-snapshot.ts';
import { getLatestSnapshot } from '../snapshots/get-latest-snapshot.ts';
import {
  listenForSnapshots,
  type TSnapshotListening,
} from '../snapshots/listen-for-snapshots.ts';
import { SnapshotHub } from '../snapshots/snapshot-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    snapshotHub: SnapshotHub;
    /**
     * Runs a configuration change, records it in the audit log under the request's
     * caller and publishes the snapshot it produces, all or nothing.
     */
    changeConfig<T>(spec: TConfigChangeSpec, change: (db: TDb) => Promise<T>): Promise<T>;
  }
}

export type TConfigChangeSpec = TConfigAudit & {
  request: FastifyRequest;
  // Stored with the snapshot: what made this version.
  reason: string;
};

type TConfigChannelOptions = {
  // Without it this process hears only its own changes (enough for one process).
  databaseUrl?: string;
};

/**
 * The API side of the configuration channel: every change is committed together
 * with its snapshot, then published to this process's streams and, through
 * Postgres NOTIFY, to every other API process.
 */
export const configChannelPlugin = fp<TConfigChannelOptions>(
  async (fastify, options) => {
    const hub = new SnapshotHub();
    const log = fastify.log.child({ component: 'config-channel' });
    let listening: TSnapshotListening | undefined;
    let refreshing = Promise.resolve();

    // Reads are queued so announcements arriving together load the newest once each.
    const refresh = (version: number | null) => {
      if (version !== null && version <= (hub.latest?.version ?? 0)) return;

      refreshing = refreshing
        .then(async () => {
          hub.publish(await getLatestSnapshot(fastify.prisma));
        })
        .catch((error: unknown) => log.error({ err: error }, 'snapshot refresh failed'));
    };

    fastify.decorate('snapshotHub', hub);
    fastify.decorate('changeConfig', async <T>(spec: TConfigChangeSpec, change: (db: TDb) => Promise<T>) => {
      const { request, reason, ...audit } = spec;
      const audited = auditConfigChange(change, audit, fastify.auditActorOf(request));
      const { result, snapshot } = await commitConfigChange(fastify.prisma, reason, audited);
      hub.publish(snapshot);
      log.info({ version: snapshot.version, reason }, 'snapshot published');

      return result;
    });

    fastify.addHook('onReady', async () => {
      hub.publish(await ensureSnapshot(fastify.prisma));

      const { databaseUrl } = options;
      if (databaseUrl) {
        listening = listenForSnapshots({ databaseUrl, logger: log, onVersion: refresh });
      }
    });

    fastify.addHook('onClose', async () => {
      await listening?.close();
      await refreshing;
    });
  },
  { name: 'config-channel', dependencies: ['prisma', 'access-guard'] },
);
