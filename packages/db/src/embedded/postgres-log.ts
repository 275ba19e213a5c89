import type { DbLogger } from '../db-logger.ts';

const TAIL_LINES = 20;
const TROUBLE = /\b(FATAL|PANIC|ERROR)\b/;

export interface TPostgresLog {
  onLog(message: string): void;
  onError(error: unknown): void;
  /** The last lines the server printed, to explain a failed start. */
  tail(): string[];
}

/**
 * Routes the embedded server's output into our logger: routine lines at debug,
 * trouble at warn. Keeps a short tail so a start failure can quote it.
 */
export function createPostgresLog(logger: DbLogger): TPostgresLog {
  const lines: string[] = [];

  const onLog = (message: string) => {
    for (const line of message.split('\n')) {
      const text = line.trim();
      if (!text) continue;
      lines.push(text);
      if (lines.length > TAIL_LINES) lines.shift();
      const level = TROUBLE.test(text) ? 'warn' : 'debug';
      logger[level]({ source: 'postgres' }, text);
    }
  };
  const onError = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error({ source: 'postgres', err }, 'embedded postgres error');
  };

  return { onLog, onError, tail: () => [...lines] };
}
