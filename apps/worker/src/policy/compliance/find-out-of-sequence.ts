// Commands out of order (RFC 5321 4.1.4): MAIL before HELO or EHLO, RCPT before MAIL,
// DATA before RCPT. An attempt that was refused counts as made, so a client pipelining
// MAIL, RCPT and DATA is not blamed when MAIL was refused (RFC 2920 3.1, RFC 5321 3.3).
import type { TViolationFound } from '@portcullis/policy';
import type { TCommandFacts } from './command-facts.ts';

export function findOutOfSequence(facts: TCommandFacts): TViolationFound | null {
  switch (facts.verb) {
    case 'MAIL':
      return facts.hasGreeted ? null : found('MAIL before HELO or EHLO');
    case 'RCPT':
      return facts.hasTriedMail ? null : found('RCPT before MAIL');
    case 'DATA':
      if (!facts.hasTriedMail) return found('DATA before MAIL');

      return facts.hasTriedRcpt ? null : found('DATA before RCPT');
    default:
      return null;
  }
}

function found(detail: string): TViolationFound {
  return { violation: 'rfc_sequence', detail };
}
