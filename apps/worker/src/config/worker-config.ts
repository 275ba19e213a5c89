import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { WorkerError } from '../errors/worker-error.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The worker's environment, checked once at boot. Nothing else reads process.env.
 */
export const ZWorkerEnv = z.object({
  // Base URL of the API that publishes configuration snapshots.
  PORTCULLIS_API_URL: z.url({ error: 'must be a URL such as http://127.0.0.1:8025' }),
  // Shared secret sent as a bearer token on every internal request.
  PORTCULLIS_WORKER_SECRET: z.string().min(1, { error: 'must not be empty' }),
  // How the API tells workers apart; one per process by default.
  PORTCULLIS_WORKER_ID: z.string().min(1).max(128).default(`${os.hostname()}-${process.pid}`),
  // Where the last good snapshot is cached so the worker can start without the API.
  PORTCULLIS_STATE_DIR: z
    .string()
    .min(1)
    .default(path.join(process.cwd(), '.portcullis', 'worker')),
  // Name used in the 220 greeting, the EHLO reply, EHLO to backends and Received headers.
  PORTCULLIS_HOSTNAME: z.string().min(1).max(255).default(os.hostname()),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Shared counters (rate limits, greylisting, harvest) live in Redis when this is set, so
  // several workers count together; unset, each worker counts in its own memory.
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a URL such as redis://127.0.0.1:6379' })
    .optional(),
});

export type TLogLevel = (typeof LOG_LEVELS)[number];

/** The one typed configuration object the worker runs on. */
export interface TWorkerConfig {
  // Null runs the worker without a configuration channel (tests and benchmarks feed
  // snapshots through applySnapshot instead).
  apiUrl: string | null;
  workerSecret: string;
  workerId: string;
  stateDir: string | null;
  hostname: string;
  logLevel: TLogLevel;
  // Null keeps the counters in memory (one worker); a redis:// URL shares them.
  redisUrl?: string | null;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv): TWorkerConfig {
  const parsed = ZWorkerEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const isMissing = issue?.code === 'invalid_type' && env[name] === undefined;
    const reason = isMissing ? 'is not set' : issue?.message;

    throw new WorkerError('CONFIG_INVALID', `${name} ${reason}`);
  }

  const vars = parsed.data;

  return {
    apiUrl: vars.PORTCULLIS_API_URL.replace(/\/+$/, ''),
    workerSecret: vars.PORTCULLIS_WORKER_SECRET,
    workerId: vars.PORTCULLIS_WORKER_ID,
    stateDir: vars.PORTCULLIS_STATE_DIR,
    hostname: vars.PORTCULLIS_HOSTNAME,
    logLevel: vars.LOG_LEVEL,
    redisUrl: vars.REDIS_URL ?? null,
  };
}
