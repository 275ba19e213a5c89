import type { TCounterStore } from '@portcullis/policy';
import type { TLogLevel } from '../../src/config/worker-config.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { startWorker, type TWorker } from '../../src/start-worker.ts';

export const GATEWAY_NAME = 'gw.portcullis.test';

export interface TTestWorkerOptions {
  // A stand-in API to follow and ship records to, with a state directory for the spool.
  api?: { url: string; secret: string };
  stateDir?: string;
  counterStore?: TCounterStore;
}

/** The whole worker in this process; without an API it follows no configuration channel. */
export function startTestWorker(options: TTestWorkerOptions = {}): Promise<TWorker> {
  const logLevel: TLogLevel = process.env.LOG_LEVEL === 'debug' ? 'debug' : 'silent';
  const workerId = 'test-worker';
  const config = {
    apiUrl: options.api?.url ?? null,
    workerSecret: options.api?.secret ?? '',
    workerId,
    stateDir: options.stateDir ?? null,
    logLevel,
  };

  return startWorker(
    { ...config, hostname: GATEWAY_NAME },
    {
      logger: createLogger(logLevel, workerId),
      ...(options.counterStore ? { counterStore: options.counterStore } : {}),
      recordFlushIntervalMs: 50,
    },
  );
}

export function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'it'): Promise<void> {
  const started = Date.now();

  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() - started > timeoutMs) {
        return reject(new Error(`timed out waiting for ${what}`));
      }

      setTimeout(tick, 10);
    };
    tick();
  });
}
