import type { TLogLevel } from '../../src/config/worker-config.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { startWorker, type TWorker } from '../../src/start-worker.ts';

export const GATEWAY_NAME = 'gw.portcullis.test';

/** The whole worker in this process, without a configuration channel. */
export function startTestWorker(): Promise<TWorker> {
  const logLevel: TLogLevel = process.env.LOG_LEVEL === 'debug' ? 'debug' : 'silent';
  const workerId = 'test-worker';
  const config = { apiUrl: null, workerSecret: '', workerId, stateDir: null, logLevel };

  return startWorker(
    { ...config, hostname: GATEWAY_NAME },
    { logger: createLogger(logLevel, workerId) },
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
