// What the sender needs of a transport, UDP or TCP: hand over a message and never wait.
import type { TLogger } from '../logging/create-logger.ts';
import type { TFrameQueueLimits } from './frame-queue.ts';
import type { TLogAddress } from './resolve-log-host.ts';

export interface TTransportStats {
  // Messages handed to the socket (TCP: written, not necessarily received).
  sent: number;
  // Lost to a full queue, a server away at shutdown, or a send that failed.
  dropped: number;
  queued: number;
}

export interface TSyslogTransport {
  // Longer messages have their MSG cut to fit (the header and structured data go whole).
  readonly maxMessageBytes: number;
  send(message: Buffer): void;
  /** Sends what is queued, within the deadline, and closes; the rest is dropped. */
  close(deadlineMs: number): Promise<void>;
  stats(): TTransportStats;
}

export interface TTransportOptions {
  host: string;
  port: number;
  resolve: () => Promise<TLogAddress>;
  logger: TLogger;
  queue?: Partial<TFrameQueueLimits>;
  // First reconnect (or lookup) delay, doubled after each failure up to retryMaxMs.
  retryBaseMs?: number;
  retryMaxMs?: number;
}

// 10,000 messages or 8 MiB, whichever comes first: minutes of a violation storm.
export const DEFAULT_QUEUE_LIMITS: TFrameQueueLimits = {
  maxMessages: 10_000,
  maxBytes: 8 * 1024 * 1024,
};
export const RETRY_BASE_MS = 500;
export const RETRY_MAX_MS = 30_000;

/** Exponential backoff with jitter: half to all of base * 2^failures, capped. */
export function retryDelay(failures: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 20));

  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
