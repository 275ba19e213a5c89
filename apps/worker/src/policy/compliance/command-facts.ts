// What the command checks know about one command line when smtp-server is about to run it.

export interface TCommandFacts {
  // The line as the client sent it, without its line ending (latin1: one char per octet).
  text: string;
  // The first word, upper case: how the command is matched, however the client spells it.
  verb: string;
  // Octets of the line including its line ending.
  octets: number;
  // The line ended in a bare LF (a bare CR inside the line shows in `text`).
  isBareLf: boolean;
  // It arrived before the reply to the command before it had been sent.
  isPipelined: boolean;
  // The command before it ('<DATA>' for message content); null for the first of a session.
  previousVerb: string | null;
  // EHLO was answered, so PIPELINING is on offer (RFC 2920).
  isPipeliningOffered: boolean;
  // HELO or EHLO was accepted (again, after STARTTLS).
  hasGreeted: boolean;
  // What the client has attempted in this transaction (refused attempts count: a client
  // that pipelines cannot know MAIL was refused before it sends RCPT).
  hasTriedMail: boolean;
  hasTriedRcpt: boolean;
}

const SPACE = 0x20;
const TAB = 0x09;

/** The verb: the first word, split at a space or a tab, in upper case. */
export function readVerb(text: string): string {
  let start = 0;
  while (start < text.length && isBlank(text.charCodeAt(start))) start += 1;
  let end = start;
  while (end < text.length && !isBlank(text.charCodeAt(end))) end += 1;

  return text.slice(start, end).toUpperCase();
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}
