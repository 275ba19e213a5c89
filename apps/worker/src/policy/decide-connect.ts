import type { TPhaseContext } from './phase-context.ts';
import type { TVerdict } from './verdicts.ts';

/**
 * Connect phase: runs before the greeting. Rate limits on concurrent connections
 * and the early-talker check will decide here.
 */
export function decideConnect(context: TPhaseContext): TVerdict {
  if (!context.hasPool) return 'no_pool';

  return 'continue';
}
