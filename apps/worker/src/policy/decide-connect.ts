import type { TPhaseContext } from './phase-context.ts';
import type { TVerdict } from './verdicts.ts';

/**
 * Connect phase: runs before the greeting, for every virtual server. A security
 * profile's own connect checks follow in admit-client.ts, talking first in the
 * inspector.
 */
export function decideConnect(context: TPhaseContext): TVerdict {
  if (!context.hasPool) return 'no_pool';

  return 'continue';
}
