// What the counter-based checks run on, and how they fail when the store does not answer.
import { PolicyError } from '../results/policy-error.ts';
import { SILENT_LOGGER, type TPolicyLogger } from '../results/policy-logger.ts';
import type { TCounterStore } from '../store/counter-store.ts';

export interface TPolicyDeps {
  store: TCounterStore;
  logger?: TPolicyLogger;
}

/**
 * Logs a store failure of a check that fails open (lets the client through) and returns
 * nothing; any other error is a bug and is thrown again.
 */
export function failOpen(deps: TPolicyDeps, check: string, error: unknown): null {
  if (!(error instanceof PolicyError) || error.code !== 'COUNTERS_UNAVAILABLE') throw error;

  const logger = deps.logger ?? SILENT_LOGGER;
  logger.warn({ code: error.code, check, err: error.message }, 'check skipped, failing open');

  return null;
}

/** As failOpen, for a check that fails closed: the caller gets a temporary failure. */
export function failClosed(deps: TPolicyDeps, check: string, error: unknown) {
  if (!(error instanceof PolicyError) || error.code !== 'COUNTERS_UNAVAILABLE') throw error;

  const logger = deps.logger ?? SILENT_LOGGER;
  logger.warn({ code: error.code, check, err: error.message }, 'check failed closed');

  return { temporary: 'counters_unavailable' as const, detail: `${check}: ${error.message}` };
}
