// The commands the gateway carries out (RFC 5321 4.1 and the extensions it offers). Any
// other verb is unknown, unless the profile's method lists name it: then the disallowed-
// methods check has judged it already.
import type { TSecurityProfileSettings } from '@portcullis/contracts';

const CARRIED_OUT = [
  'HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'QUIT', 'VRFY', 'EXPN', 'HELP',
];

/** The verbs a virtual server knows, in upper case. */
export function listKnownVerbs(
  methods: TSecurityProfileSettings['methods'],
  isStartTlsOffered: boolean,
): Set<string> {
  const listed = [...methods.disallowed, ...methods.allowed].map((name) => name.toUpperCase());

  return new Set([...CARRIED_OUT, ...(isStartTlsOffered ? ['STARTTLS'] : []), ...listed]);
}
