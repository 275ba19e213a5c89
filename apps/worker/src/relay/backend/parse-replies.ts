import { StringDecoder } from 'node:string_decoder';
import { WorkerError } from '../../errors/worker-error.ts';

/** One SMTP reply: the code and the text of each line (without "250-" / "250 "). */
export interface TSmtpReply {
  code: number;
  lines: string[];
}

// RFC 5321 4.5.3.1.5 caps a reply line at 512 octets; allow slack for chatty servers
// but never let a peer grow our buffer without bound.
const MAX_REPLY_LINE_OCTETS = 4096;
const MAX_REPLY_LINES = 200;
const REPLY_LINE = /^([2-5]\d\d)([ -]?)(.*)$/s;

/**
 * Incremental parser for server replies (RFC 5321 4.2): lines end in CRLF (a bare LF
 * is tolerated), a multi-line reply repeats its code with "-" until the last line,
 * which has a space (or nothing) after the code.
 */
export class ReplyParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private lines: string[] = [];
  private code = 0;

  push(chunk: Buffer): TSmtpReply[] {
    const text = this.pending + this.decoder.write(chunk);
    const replies: TSmtpReply[] = [];
    let start = 0;
    let end = text.indexOf('\n', start);

    while (end !== -1) {
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const reply = this.takeLine(text.slice(start, lineEnd));
      if (reply) replies.push(reply);

      start = end + 1;
      end = text.indexOf('\n', start);
    }

    this.pending = start === 0 ? text : text.slice(start);
    if (this.pending.length > MAX_REPLY_LINE_OCTETS) {
      throw new WorkerError('BACKEND_PROTOCOL', 'reply line too long');
    }

    return replies;
  }

  private takeLine(line: string): TSmtpReply | null {
    const match = REPLY_LINE.exec(line);
    if (!match) {
      throw new WorkerError('BACKEND_PROTOCOL', `not an SMTP reply: ${line.slice(0, 80)}`);
    }

    const code = Number(match[1]);
    if (this.lines.length > 0 && code !== this.code) {
      throw new WorkerError('BACKEND_PROTOCOL', 'multi-line reply changed its code');
    }

    this.code = code;
    this.lines.push(match[3] ?? '');
    if (this.lines.length > MAX_REPLY_LINES) {
      throw new WorkerError('BACKEND_PROTOCOL', 'reply has too many lines');
    }
    if (match[2] === '-') return null;

    const reply = { code, lines: this.lines };
    this.lines = [];

    return reply;
  }
}

export function replyText(reply: TSmtpReply): string {
  return reply.lines.join(' / ');
}
