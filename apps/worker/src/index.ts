export { loadWorkerConfig, ZWorkerEnv, type TWorkerConfig } from './config/worker-config.ts';
export { startWorker, type TStartWorkerOptions, type TWorker } from './start-worker.ts';
export { WorkerError, WORKER_ERROR_CODES, type TWorkerErrorCode } from './errors/worker-error.ts';
