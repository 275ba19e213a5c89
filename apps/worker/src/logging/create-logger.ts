import { pino, type Logger } from 'pino';
import type { TLogLevel } from '../config/worker-config.ts';

export type TLogger = Logger;

/**
 * The worker's one logger. Everything else logs through child loggers of it, so
 * every line carries the worker id; sessions add a connection id.
 */
export function createLogger(level: TLogLevel, workerId: string): TLogger {
  return pino({
    level,
    base: { worker: workerId },
    redact: { paths: ['secret', '*.secret', 'headers.authorization'], censor: '[redacted]' },
  });
}
