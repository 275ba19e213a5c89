import type { TPhaseContext } from './phase-context.ts';
import type { TVerdict } from './verdicts.ts';

/**
 * DATA phase: runs when the client starts the message. Checks that need the whole
 * message (virus scanning) will hold it here before the member sees the end mark.
 */
export function decideData(_context: TPhaseContext): TVerdict {
  return 'continue';
}
