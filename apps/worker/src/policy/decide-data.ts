import type { TPhaseContext } from './phase-context.ts';
import type { TVerdict } from './verdicts.ts';

/**
 * DATA phase: runs when the client starts the message. Virus scanning, which needs the
 * whole message, holds it until its verdict (smtp/scanned-data-handler.ts, judge-scan.ts).
 */
export function decideData(_context: TPhaseContext): TVerdict {
  return 'continue';
}
