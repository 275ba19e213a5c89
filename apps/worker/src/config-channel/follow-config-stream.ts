import type { TLogger } from '../logging/create-logger.ts';
import type { InternalApi } from './internal-api.ts';
import { SseParser, type TSseEvent } from './parse-sse.ts';

// Reconnect delays: doubling from the first to the last, reset after a good stream.
const BACKOFF_FIRST_MS = 250;
const BACKOFF_MAX_MS = 10_000;
// The API pings every 15 s; silence for longer than this means a dead connection.
const SILENCE_LIMIT_MS = 45_000;

/**
 * Follows the API's configuration stream for as long as `signal` is not aborted,
 * reconnecting with backoff, and hands every event to `onEvent`.
 */
export async function followConfigStream(
  api: InternalApi,
  signal: AbortSignal,
  onEvent: (event: TSseEvent) => Promise<void>,
  logger: TLogger,
): Promise<void> {
  let delayMs = BACKOFF_FIRST_MS;
  let isLost = false;

  while (!signal.aborted) {
    try {
      const isHealthy = await readStream(api, signal, onEvent);
      if (isHealthy) delayMs = BACKOFF_FIRST_MS;
      if (isHealthy) isLost = false;
      logger.debug('config stream ended');
    } catch (error) {
      if (signal.aborted) return;

      // Warn once per outage; the retries that follow are expected.
      const fields = { reason: (error as Error).message, retryInMs: delayMs };
      if (isLost) logger.debug(fields, 'config stream still lost');
      else logger.warn(fields, 'config stream lost');
      isLost = true;
    }

    await sleep(delayMs, signal);
    delayMs = Math.min(delayMs * 2, BACKOFF_MAX_MS);
  }
}

// Resolves true when at least one event arrived (the stream worked).
async function readStream(
  api: InternalApi,
  signal: AbortSignal,
  onEvent: (event: TSseEvent) => Promise<void>,
): Promise<boolean> {
  const abort = new AbortController();
  const onStop = () => abort.abort();
  signal.addEventListener('abort', onStop, { once: true });
  let watchdog = setTimeout(() => abort.abort(), SILENCE_LIMIT_MS);
  let isHealthy = false;

  try {
    const response = await api.openConfigStream(abort.signal);
    response.setEncoding('utf8');

    const parser = new SseParser();
    for await (const text of response as AsyncIterable<string>) {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => abort.abort(), SILENCE_LIMIT_MS);

      for (const event of parser.push(text)) {
        isHealthy = true;
        await onEvent(event);
      }
    }
  } finally {
    clearTimeout(watchdog);
    signal.removeEventListener('abort', onStop);
    abort.abort();
  }

  return isHealthy;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });

    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
