import type { TLogger } from '../logging/create-logger.ts';
import type { TPhaseContext } from '../policy/phase-context.ts';
import type { RelaySession } from '../relay/relay-session.ts';

/** What the gateway keeps per client session besides smtp-server's own session. */
export interface TSessionState {
  logger: TLogger;
  context: TPhaseContext;
  relay: RelaySession | null;
  startedAt: number;
  messages: number;
  recipients: number;
  bytes: number;
  refusals: number;
}
