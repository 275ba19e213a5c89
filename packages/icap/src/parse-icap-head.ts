import { IcapError } from './icap-error.ts';
import { clip, parseHeaderBlock } from './parse-header-block.ts';

export interface TIcapHead {
  status: number;
  reason: string;
  headers: Record<string, string>;
}

// RFC 3507 section 4.3.3: "ICAP/1.0 SP status-code SP reason-phrase".
const STATUS_LINE = /^ICAP\/1\.\d+ (\d{3})(?: (.*))?$/;

/** Status line and headers of an ICAP response head (without the blank line). */
export function parseIcapHead(head: Buffer): TIcapHead {
  const lines = head.toString('latin1').split('\r\n');
  const statusLine = lines[0] ?? '';
  const match = STATUS_LINE.exec(statusLine);
  if (!match) throw new IcapError('icap_protocol_error', `bad status line: ${clip(statusLine)}`);

  return {
    status: Number(match[1]),
    reason: (match[2] ?? '').trim(),
    headers: parseHeaderBlock(lines.slice(1)),
  };
}
