import type { TLogger } from '../logging/create-logger.ts';
import type { TPhaseContext } from '../policy/phase-context.ts';
import type { RelaySession } from '../relay/relay-session.ts';

/** What the gateway keeps per client session besides smtp-server's own session. */
export interface TSessionState {
  // The connection's child logger, made on first use (creating one per connection
  // costs as much as a log line, and most sessions log nothing below info).
  logger(): TLogger;
  context: TPhaseContext;
  relay: RelaySession | null;
  startedAt: number;
  messages: number;
  recipients: number;
  bytes: number;
  refusals: number;
}

export function lazyChildLogger(parent: TLogger, bindings: Record<string, string>): () => TLogger {
  let child: TLogger | null = null;

  return () => (child ??= parent.child(bindings));
}
