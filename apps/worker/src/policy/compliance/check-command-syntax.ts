// Command syntax (RFC 5321 4.1.1, 4.1.2): arguments where a command needs them, none where
// it takes none, paths and ESMTP parameters as the grammar writes them. Two common
// liberties are accepted, as most MTAs do: a space after "FROM:" or "TO:", and several
// spaces between parameters. Without SMTPUTF8 on offer an address is ASCII.
import type { TViolationFound } from '@portcullis/policy';
import type { TCommandFacts } from './command-facts.ts';

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED_STRING = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})*`;
// RFC 5321 4.1.3: IPv4, "IPv6:" and an address, or a standardized tag and its content.
const IPV4_LITERAL = '\\d{1,3}(?:\\.\\d{1,3}){3}';
const IPV6_LITERAL = 'IPv6:[0-9A-Fa-f:.]+';
const GENERAL_LITERAL = '[A-Za-z0-9-]*[A-Za-z0-9]:[\\x21-\\x5a\\x5e-\\x7e]+';
const ADDRESS_LITERAL = `\\[(?:${IPV4_LITERAL}|${IPV6_LITERAL}|${GENERAL_LITERAL})\\]`;
const MAILBOX = `(?:${DOT_STRING}|${QUOTED_STRING})@(?:${DOMAIN}|${ADDRESS_LITERAL})`;
// RFC 5321 4.1.2: a source route must be accepted (and is ignored).
const SOURCE_ROUTE = `@${DOMAIN}(?:,@${DOMAIN})*:`;
const PATH = `<(?:${SOURCE_ROUTE})?${MAILBOX}>`;
const PARAMETERS = '(?: +[A-Za-z0-9][A-Za-z0-9-]*(?:=[\\x21-\\x3c\\x3e-\\x7e]+)?)* *';

const GRAMMAR: Record<string, RegExp> = {
  HELO: /^HELO +[^\s]+ *$/i,
  EHLO: /^EHLO +[^\s]+ *$/i,
  MAIL: new RegExp(`^MAIL FROM: ?(?:<>|${PATH})${PARAMETERS}$`, 'i'),
  RCPT: new RegExp(`^RCPT TO: ?(?:<postmaster>|${PATH})${PARAMETERS}$`, 'i'),
  DATA: /^DATA *$/i,
  RSET: /^RSET *$/i,
  QUIT: /^QUIT *$/i,
  STARTTLS: /^STARTTLS *$/i,
  VRFY: /^VRFY +[^ ].*$/i,
  EXPN: /^EXPN +[^ ].*$/i,
};

export function checkCommandSyntax(facts: TCommandFacts): TViolationFound | null {
  const grammar = GRAMMAR[facts.verb];
  if (!grammar || grammar.test(facts.text)) return null;

  return { violation: 'rfc_syntax', detail: `${facts.verb}: arguments do not follow RFC 5321 4.1` };
}
