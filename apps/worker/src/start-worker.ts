import type { TWorkerReport } from '@portcullis/contracts';
import { startConfigClient, type TConfigClient } from './config-channel/config-client.ts';
import { validateSnapshot } from './config-channel/validate-snapshot.ts';
import type { TWorkerConfig } from './config/worker-config.ts';
import { createLogger, type TLogger } from './logging/create-logger.ts';
import { WorkerRuntime } from './runtime/worker-runtime.ts';
import { patchSmtpServer } from './smtp/patch-smtp-server.ts';

export interface TStartWorkerOptions {
  // Defaults to a logger built from config.logLevel.
  logger?: TLogger;
}

export interface TWorker {
  logger: TLogger;
  /** Validates and applies a snapshot without the API (tests, benchmarks). */
  applySnapshot(snapshot: unknown): Promise<boolean>;
  report(): TWorkerReport;
  stop(): Promise<void>;
}

/**
 * Starts the whole worker in this process. With an API URL it follows the API's
 * configuration channel (falling back on the cached snapshot); resolves once the
 * first snapshot, if any could be had, is applied and its listeners are open.
 */
export async function startWorker(
  config: TWorkerConfig,
  options: TStartWorkerOptions = {},
): Promise<TWorker> {
  patchSmtpServer();

  const logger = options.logger ?? createLogger(config.logLevel, config.workerId);
  const { workerId, hostname } = config;
  const runtime = new WorkerRuntime({ workerId, hostname, logger });
  let configClient: TConfigClient | null = null;

  if (config.apiUrl) {
    configClient = await startConfigClient({
      apiUrl: config.apiUrl,
      workerSecret: config.workerSecret,
      workerId: config.workerId,
      stateDir: config.stateDir,
      runtime,
      logger,
    });
  }

  return {
    logger,
    applySnapshot: async (snapshot) => runtime.apply(validateSnapshot(snapshot)),
    report: () => runtime.report(),
    async stop() {
      await configClient?.stop();
      await runtime.stop();
      logger.info('worker stopped');
    },
  };
}
