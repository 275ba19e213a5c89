// A command line as records, transcripts and syslog show it. The inspector reads lines as
// latin1 (one character per octet, for its length checks), which would show a UTF-8
// "café" as "cafÃ©". Valid UTF-8 is shown as such; any other octet above 0x7f as \xNN,
// so the record still says exactly what was sent.
import { isAscii } from 'node:buffer';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** `latin1`: the line already read as latin1, reused when it is plain ASCII. */
export function readableLine(line: Buffer, latin1?: string): string {
  if (isAscii(line)) return latin1 ?? line.toString('latin1');

  try {
    return STRICT_UTF8.decode(line);
  } catch {
    let text = '';
    for (const octet of line) {
      text += octet > 0x7f ? `\\x${octet.toString(16).padStart(2, '0')}` : String.fromCharCode(octet);
    }

    return text;
  }
}
