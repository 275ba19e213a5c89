// Pipelining when it was not offered (RFC 2920 3.1): without PIPELINING (no EHLO) the
// client waits for every reply; with it, only RSET, MAIL, RCPT and the end of message
// data may have commands behind them before their reply. EHLO, DATA, VRFY, EXPN, NOOP,
// QUIT and the rest end a group, and RFC 3207 4 says the same of STARTTLS.
import type { TViolationFound } from '@portcullis/policy';
import type { TCommandFacts } from './command-facts.ts';

const GROUPABLE = new Set(['RSET', 'MAIL', 'RCPT', '<DATA>']);

export function findPipelining(facts: TCommandFacts): TViolationFound | null {
  // The first command of a session that talks early is the early-talker check's business.
  if (!facts.isPipelined || facts.previousVerb === null) return null;
  if (facts.isPipeliningOffered && GROUPABLE.has(facts.previousVerb)) return null;

  const why = facts.isPipeliningOffered ? 'which must end a group' : 'without PIPELINING offered';

  return {
    violation: 'rfc_unauthorized_pipelining',
    detail: `${facts.verb} sent before the reply to ${facts.previousVerb}, ${why}`,
  };
}
