import { createLogger } from '../../src/logging/create-logger.ts';
import { startWorker } from '../../src/start-worker.ts';

// Runs in the child forked by worker-process.ts.
const worker = await startWorker(
  {
    apiUrl: null,
    workerSecret: '',
    workerId: 'child',
    stateDir: null,
    hostname: 'gw.portcullis.test',
    logLevel: 'silent',
  },
  { logger: createLogger('silent', 'child') },
);
let peak = process.memoryUsage().rss;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);

process.on('message', async (message: { id: number; type: string; payload?: unknown }) => {
  let value = 0;
  if (message.type === 'apply') await worker.applySnapshot(message.payload);
  if (message.type === 'reset-peak') value = peak = process.memoryUsage().rss;
  if (message.type === 'peak') value = peak = Math.max(peak, process.memoryUsage().rss);
  process.send?.({ id: message.id, value });
});
process.once('SIGTERM', () => {
  void worker.stop().then(() => process.exit(0));
});
