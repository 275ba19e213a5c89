// A command line as records, transcripts and syslog show it. The inspector reads lines as
// latin1 (one character per octet, for its length checks), which would show a UTF-8
// "café" as "cafÃ©". Valid UTF-8 is shown as such; any other octet above 0x7f as \xNN,
// so the record still says exactly what was sent.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export function readableLine(line: Buffer): string {
  if (!line.some((octet) => octet > 0x7f)) return line.toString('latin1');

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
