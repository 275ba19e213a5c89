// Violation records and their transcripts are read by every role down to Guest, and go to
// the syslog server: an AUTH attempt must not leave a password there. The gateway offers
// no AUTH, so the library refuses it, and the client's answers to the challenge it never
// got arrive as unknown commands; both are shown without their secrets.
const HIDDEN = '<credentials hidden>';
// A SASL response line: base64, "=" for an empty one, "*" to cancel; unless it is a
// command (NOOP is base64 too).
const SASL_RESPONSE = /^(?:[A-Za-z0-9+/]+={0,2}|=|\*)$/;
const COMMANDS = new Set([
  'HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'BDAT', 'RSET', 'NOOP', 'QUIT', 'VRFY', 'EXPN',
  'HELP', 'STARTTLS', 'ETRN', 'TURN',
]);

export interface TShownLine {
  text: string;
  // Still within an AUTH exchange: the next base64 line is a response too.
  isInAuth: boolean;
}

export function hideCredentials(text: string, verb: string, isInAuth: boolean): TShownLine {
  if (verb === 'AUTH') {
    const [command = 'AUTH', mechanism, ...rest] = text.trim().split(/\s+/);
    const shown = [command, mechanism, rest.length > 0 ? HIDDEN : undefined];

    return { text: shown.filter(Boolean).join(' '), isInAuth: true };
  }
  const isResponse = isInAuth && !COMMANDS.has(verb) && SASL_RESPONSE.test(text.trim());
  if (isResponse) return { text: HIDDEN, isInAuth: true };

  return { text, isInAuth: false };
}
