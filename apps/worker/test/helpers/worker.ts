import { startWorker, type TWorker } from '../../src/start-worker.ts';
import { createLogger } from '../../src/logging/create-logger.ts';

export const GATEWAY_NAME = 'gw.portcullis.test';

/** The whole worker in this process, without a configuration channel. */
export function startTestWorker(): Promise<TWorker> {
  const level = process.env.LOG_LEVEL === 'debug' ? 'debug' : 'silent';

  return startWorker(
    { apiUrl: null, workerSecret: '', workerId: 'test-worker', stateDir: null, hostname: GATEWAY_NAME, logLevel: level },
    { logger: createLogger(level, 'test-worker') },
  );
}

export function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const started = Date.now();

  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));

      setTimeout(tick, 10);
    };
    tick();
  });
}
