import fp from 'fastify-plugin';
import type { TDb } from '../db.ts';
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
    /** Runs a configuration change and publishes the snapshot it produces. */
    changeConfig<T>(reason: string, change: (db: TDb) => Promise<T>): Promise<T>;
  }
}

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
    fastify.decorate('changeConfig', async <T>(reason: string, change: (db: TDb) => Promise<T>) => {
      const { result, snapshot } = await commitConfigChange(fastify.prisma, reason, change);
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
  { name: 'config-channel', dependencies: ['prisma'] },
);
