import type { TWorkerReport } from '@portcullis/contracts';
import { isWorkerError } from '../errors/worker-error.ts';
import type { TLogger } from '../logging/create-logger.ts';
import type { WorkerRuntime } from '../runtime/worker-runtime.ts';
import { followConfigStream } from './follow-config-stream.ts';
import { InternalApi, type TInternalApiOptions } from './internal-api.ts';
import { readCachedSnapshot, writeCachedSnapshot } from './snapshot-cache.ts';
import { validateSnapshot } from './validate-snapshot.ts';

const HEARTBEAT_MS = 2_000;

export interface TConfigClientOptions extends TInternalApiOptions {
  stateDir: string | null;
  runtime: WorkerRuntime;
  logger: TLogger;
}

export interface TConfigClient {
  stop(): Promise<void>;
}

/**
 * Keeps the runtime on the API's newest snapshot: fetched at start (the cached
 * one when the API is unreachable), then pushed over the event stream. Every
 * applied snapshot is cached and acknowledged with a report; a report also goes
 * out every 2 s as the heartbeat.
 */
export async function startConfigClient(options: TConfigClientOptions): Promise<TConfigClient> {
  const api = new InternalApi(options);
  const logger = options.logger.child({ component: 'config' });
  const stopping = new AbortController();
  let isReportFailing = false;

  const sendReport = async (report: TWorkerReport) => {
    try {
      await api.postReport(report);
      if (isReportFailing) logger.info('report delivered again');
      isReportFailing = false;
    } catch (error) {
      // Log the first failure of a run only; the heartbeat would repeat it every 2 s.
      const reason = (error as Error).message;
      if (!isReportFailing) logger.warn({ reason }, 'report not delivered');
      isReportFailing = true;
    }
  };

  // Resolves false when the snapshot was rejected.
  const takeSnapshot = async (value: unknown, source: 'api' | 'cache'): Promise<boolean> => {
    try {
      const snapshot = validateSnapshot(value);
      const isApplied = await options.runtime.apply(snapshot);
      if (!isApplied) return true;

      const stateDir = source === 'api' ? options.stateDir : null;
      if (stateDir) await writeCachedSnapshot(stateDir, snapshot);
      await sendReport(options.runtime.report());

      return true;
    } catch (error) {
      const code = isWorkerError(error) ? error.code : 'INTERNAL';
      const reason = (error as Error).message;
      logger.error({ code, source, reason }, 'snapshot rejected, keeping the last good one');

      return false;
    }
  };

  let isStarted = false;
  try {
    isStarted = await takeSnapshot(await api.fetchSnapshot(), 'api');
  } catch (error) {
    logger.warn({ reason: (error as Error).message }, 'api unreachable at start');
  }
  if (!isStarted) await loadCache(options.stateDir, takeSnapshot, logger);

  const streaming = followConfigStream(
    api,
    stopping.signal,
    async (event) => {
      if (event.event !== 'snapshot') return;

      await takeSnapshot(parseJson(event.data), 'api');
    },
    logger,
  );

  const heartbeat = setInterval(() => void sendReport(options.runtime.report()), HEARTBEAT_MS);
  heartbeat.unref();

  return {
    async stop() {
      clearInterval(heartbeat);
      stopping.abort();
      await streaming;
      api.close();
    },
  };
}

async function loadCache(
  stateDir: string | null,
  takeSnapshot: (value: unknown, source: 'cache') => Promise<boolean>,
  logger: TLogger,
): Promise<void> {
  if (!stateDir) return;

  try {
    const cached = await readCachedSnapshot(stateDir);
    if (cached === null) return logger.warn('no cached snapshot; waiting for the api');

    logger.info({ stateDir }, 'serving the cached snapshot');
    await takeSnapshot(cached, 'cache');
  } catch (error) {
    logger.error({ reason: (error as Error).message }, 'cached snapshot unreadable');
  }
}

// Bad JSON is a bad snapshot: validateSnapshot rejects the undefined.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
