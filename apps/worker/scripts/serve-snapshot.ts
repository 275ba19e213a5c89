/**
 * Runs the worker on a snapshot file, without the API: for benchmarks and manual
 * tests. Usage: node --import tsx scripts/serve-snapshot.ts <snapshot.json>
 * LOG_LEVEL (default warn) and PORTCULLIS_HOSTNAME apply as for the worker.
 */
import os from 'node:os';
import { readFile } from 'node:fs/promises';
import { startWorker } from '../src/start-worker.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: serve-snapshot.ts <snapshot.json>\n');
  process.exit(2);
}

const level = (process.env.LOG_LEVEL ?? 'warn') as 'warn';
const worker = await startWorker({
  apiUrl: null,
  workerSecret: '',
  workerId: `bench-${process.pid}`,
  stateDir: null,
  hostname: process.env.PORTCULLIS_HOSTNAME ?? os.hostname(),
  logLevel: level,
});
await worker.applySnapshot(JSON.parse(await readFile(file, 'utf8')));
worker.logger.warn({ listeners: worker.report().listeners }, 'serving');

const stop = () => void worker.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
