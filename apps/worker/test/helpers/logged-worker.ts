import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startWorker, type TWorker } from '../../src/start-worker.ts';
import { GATEWAY_NAME } from './worker.ts';

export interface TLoggedWorker {
  worker: TWorker;
  // Every line the worker logged at info and above, parsed.
  logLines: Array<Record<string, unknown>>;
}

/** The worker in this process, without an API, its structured log kept for the test. */
export async function startLoggedWorker(): Promise<TLoggedWorker> {
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const lines = chunk.toString().split('\n').filter(Boolean);
      for (const line of lines) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info', base: { worker: 'test-worker' } }, sink);
  const config = {
    apiUrl: null, workerSecret: '', workerId: 'test-worker', stateDir: null,
    hostname: GATEWAY_NAME, logLevel: 'info' as const,
  };

  return { worker: await startWorker(config, { logger }), logLines };
}
