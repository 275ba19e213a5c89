const DOT = 0x2e;
const CR = 0x0d;
const LF = 0x0a;
const FINAL_DOT = Buffer.from('.\r\n');
const CRLF_FINAL_DOT = Buffer.from('\r\n.\r\n');

/**
 * Dot-stuffs message data on its way to a member (RFC 5321 4.5.2) across chunk
 * boundaries. A line start is anything after CRLF, a bare LF or a bare CR: a member
 * that honours bare line endings must never see a line holding only "." that the
 * gateway did not see as one (SMTP smuggling). Chunks without such a dot pass
 * through untouched, so the common case allocates nothing.
 */
export class DotStuffer {
  // The stream starts right after the Received header, that is, at a line start.
  private isAtLineStart = true;
  private endsWithCrlf = true;
  private lastByte = LF;

  stuff(chunk: Buffer): Buffer {
    const length = chunk.length;
    if (length === 0) return chunk;

    const positions = this.findLineStartDots(chunk);
    this.trackEnd(chunk);
    if (positions.length === 0) return chunk;

    const out = Buffer.allocUnsafe(length + positions.length);
    let from = 0;
    let to = 0;
    for (const position of positions) {
      to += chunk.copy(out, to, from, position);
      out[to] = DOT;
      to += 1;
      from = position;
    }
    chunk.copy(out, to, from);

    return out;
  }

  /** The end-of-data mark, with the CRLF the message lacks if it does not end in one. */
  finish(): Buffer {
    return this.endsWithCrlf ? FINAL_DOT : CRLF_FINAL_DOT;
  }

  private findLineStartDots(chunk: Buffer): number[] {
    const positions: number[] = [];
    let index = chunk.indexOf(DOT);

    while (index !== -1) {
      const previous = index === 0 ? (this.isAtLineStart ? LF : 0) : chunk[index - 1];
      if (previous === LF || previous === CR) positions.push(index);

      index = chunk.indexOf(DOT, index + 1);
    }

    return positions;
  }

  private trackEnd(chunk: Buffer): void {
    const length = chunk.length;
    const last = chunk[length - 1] ?? 0;
    const beforeLast = length > 1 ? chunk[length - 2] : this.lastByte;

    this.endsWithCrlf = beforeLast === CR && last === LF;
    this.isAtLineStart = last === LF || last === CR;
    this.lastByte = last;
  }
}
