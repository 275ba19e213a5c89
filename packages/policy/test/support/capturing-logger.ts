// A logger that keeps what it was told, so tests can assert that a failure was logged.
import type { TPolicyLogger } from '../../src/index.ts';

export interface TLogLine {
  level: 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

export function createCapturingLogger(): TPolicyLogger & { lines: TLogLine[] } {
  const lines: TLogLine[] = [];

  return {
    lines,
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
}
