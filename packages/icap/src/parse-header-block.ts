import { IcapError } from './icap-error.ts';

/**
 * Header lines as a record keyed by lower-case name. A line starting with a
 * space or tab continues the previous header (RFC 3507 section 4.3 follows
 * RFC 2616 section 4.2); c-icap folds X-Violations-Found that way. Repeated
 * headers are joined with ", ".
 */
export function parseHeaderBlock(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  let previous: string | null = null;

  for (const line of lines) {
    if (line === '') continue;

    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (previous === null) throw new IcapError('icap_protocol_error', 'continuation line first');
      headers[previous] = `${headers[previous]} ${line.trim()}`.trim();
      continue;
    }

    const colon = line.indexOf(':');
    if (colon <= 0) throw new IcapError('icap_protocol_error', `bad header line: ${clip(line)}`);

    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    previous = name;
  }

  return headers;
}

export function clip(text: string, max = 80): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');

  return printable.length > max ? `${printable.slice(0, max)}...` : printable;
}
