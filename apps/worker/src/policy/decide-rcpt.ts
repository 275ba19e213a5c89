import type { SMTPServerAddress } from 'smtp-server';
import type { TPhaseContext } from './phase-context.ts';
import type { TVerdict } from './verdicts.ts';

/**
 * RCPT phase: runs before a recipient is offered to a member. Relay protection,
 * greylisting, recipient limits and harvest detection will decide here.
 */
export function decideRcpt(_context: TPhaseContext, _recipient: SMTPServerAddress): TVerdict {
  return 'continue';
}
