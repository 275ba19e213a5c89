import os from 'node:os';
import path from 'node:path';
import type { TWorkerReport } from '@portcullis/contracts';
import type { TCounterStore } from '@portcullis/policy';
import { sweepAbandonedHolds } from './antivirus/sweep-abandoned-holds.ts';
import { startConfigClient, type TConfigClient } from './config-channel/config-client.ts';
import { validateSnapshot } from './config-channel/validate-snapshot.ts';
import type { TWorkerConfig } from './config/worker-config.ts';
import { WorkerError } from './errors/worker-error.ts';
import { createLogger, type TLogger } from './logging/create-logger.ts';
import { createCounterStore } from './protection/create-counter-store.ts';
import { createRecordShipper, type TRecordShipper } from './records/create-record-shipper.ts';
import { NO_RECORDS } from './records/record-sink.ts';
import { createRemoteLogSender } from './remote-logging/remote-log-sender.ts';
import { teeViolations } from './remote-logging/tee-violations.ts';
import { acquireDirectoryLock } from './runtime/directory-lock.ts';
import { WorkerRuntime } from './runtime/worker-runtime.ts';
import { patchSmtpServer } from './smtp/patch-smtp-server.ts';

const SHIPPER_STOP_DEADLINE_MS = 2_000;

export interface TStartWorkerOptions {
  // Defaults to a logger built from config.logLevel.
  logger?: TLogger;
  // Tests bring their own store (a Redis one under a key prefix of their own, say); the
  // caller closes it. Default: memory, or Redis at config.redisUrl.
  counterStore?: TCounterStore;
  // How long violation records gather before they are sent; the shipper's default is 1 s.
  recordFlushIntervalMs?: number;
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
 * configuration channel (falling back on the cached snapshot) and ships violations
 * and traffic to it through a spool under the state directory; resolves once the
 * first snapshot, if any could be had, is applied and its listeners are open.
 */
export async function startWorker(
  config: TWorkerConfig,
  options: TStartWorkerOptions = {},
): Promise<TWorker> {
  patchSmtpServer();

  const logger = options.logger ?? createLogger(config.logLevel, config.workerId);
  const { workerId, hostname } = config;
  // First: a state directory another worker holds stops the start before anything runs.
  const hold = await prepareHoldDir(config, logger);
  const store = options.counterStore ?? createCounterStore(config.redisUrl ?? null, logger);
  const shipper = await startShipper(config, logger, options.recordFlushIntervalMs);
  const remoteLog = createRemoteLogSender({ hostname, logger });
  const records = teeViolations(shipper ?? NO_RECORDS, remoteLog);
  const runtime = new WorkerRuntime({
    workerId, hostname, logger, store, records, remoteLog, holdDir: hold.dir,
  });
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
      // After the sessions: their last violations and traffic go into the spool too. What
      // the API does not take within the deadline stays spooled for the next start.
      await shipper?.stop({ deadlineMs: SHIPPER_STOP_DEADLINE_MS });
      await remoteLog.stop();
      await hold.release();
      if (!options.counterStore) await store.close();
      logger.info('worker stopped');
    },
  };
}

interface THoldDir {
  dir: string;
  release: () => Promise<void>;
}

// Held messages spill under the state directory, out of the shared temporary directory,
// where it can; either way, what a stopped worker left there goes first.
async function prepareHoldDir(config: TWorkerConfig, logger: TLogger): Promise<THoldDir> {
  if (!config.stateDir) {
    const dir = os.tmpdir();
    await sweepAbandonedHolds(dir, logger, { isOwnDir: false });

    return { dir, release: async () => undefined };
  }

  const dir = path.join(config.stateDir, 'hold');
  const release = await acquireDirectoryLock(dir, {
    fileName: 'hold.lock',
    refuse: (message) => new WorkerError('STATE_DIR_LOCKED', message),
  });
  await sweepAbandonedHolds(dir, logger, { isOwnDir: true });

  return { dir, release };
}

// Records need the API to go to and a state directory to wait in while it is away.
async function startShipper(
  config: TWorkerConfig,
  logger: TLogger,
  flushIntervalMs: number | undefined,
): Promise<TRecordShipper | null> {
  if (!config.apiUrl || !config.stateDir) return null;

  const shipper = createRecordShipper({
    spoolDir: path.join(config.stateDir, 'spool'),
    apiUrl: config.apiUrl,
    workerSecret: config.workerSecret,
    workerId: config.workerId,
    logger,
    ...(flushIntervalMs ? { flushIntervalMs } : {}),
  });
  await shipper.start();

  return shipper;
}
