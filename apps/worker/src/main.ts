import { loadWorkerConfig } from './config/worker-config.ts';
import { isWorkerError } from './errors/worker-error.ts';
import { startWorker } from './start-worker.ts';

// Entry point: read the environment, start the worker, stop it on a signal.
try {
  const worker = await startWorker(loadWorkerConfig(process.env));
  // The memory flags matter (README, "Running it"); say which ones are in force.
  worker.logger.info({ nodeFlags: process.execArgv }, 'worker started');

  const stop = () => {
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  // No logger exists yet when the environment is wrong; stderr is the only channel.
  const code = isWorkerError(error) ? error.code : 'INTERNAL';
  process.stderr.write(`portcullis worker: ${code}: ${(error as Error).message}\n`);
  process.exit(1);
}
