import type { SMTPServerAddress } from 'smtp-server';
import type { TPhaseContext } from './phase-context.ts';
import type { TVerdict } from './verdicts.ts';

/**
 * MAIL phase: runs before the sender is offered to a member. SPF, sender rate
 * limits and disallowed senders will decide here; nothing is checked yet.
 */
export function decideMail(_context: TPhaseContext, _sender: SMTPServerAddress): TVerdict {
  return 'continue';
}
