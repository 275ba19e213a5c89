import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { SNAPSHOT_CHANNEL } from './channel.ts';

type TListenOptions = {
  databaseUrl: string;
  logger: FastifyBaseLogger;
  // Called with each announced version, and with null after (re)connecting, when
  // announcements may have been missed and the caller should read the newest.
  onVersion: (version: number | null) => void;
};

export type TSnapshotListening = { close: () => Promise<void> };

const RECONNECT_DELAY_MS = 1000;

/**
 * Keeps one Postgres connection LISTENing for snapshot announcements, so several
 * API processes stream the same configuration. A lost connection is re-opened
 * every second until it works; the database being away must not stop the API.
 */
export function listenForSnapshots(options: TListenOptions): TSnapshotListening {
  const { databaseUrl, logger, onVersion } = options;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> | undefined;
  let isClosed = false;

  const scheduleReconnect = () => {
    if (isClosed || retryTimer) return;

    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connecting = connect();
    }, RECONNECT_DELAY_MS);
    retryTimer.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      const version = Number(message.payload);
      if (Number.isInteger(version)) onVersion(version);
    });
    next.on('error', (error) => logger.warn({ err: error }, 'snapshot listener lost'));
    next.on('end', () => {
      if (client === next) client = undefined;
      scheduleReconnect();
    });

    try {
      await next.connect();
      await next.query(`LISTEN ${SNAPSHOT_CHANNEL}`);
    } catch (error) {
      logger.warn({ err: error }, 'snapshot listener could not connect');
      await next.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }

    if (isClosed) {
      await next.end().catch(() => undefined);
      return;
    }

    client = next;
    onVersion(null);
  };

  connecting = connect();

  return {
    close: async () => {
      isClosed = true;
      clearTimeout(retryTimer);
      await connecting;
      await client?.end().catch(() => undefined);
    },
  };
}
