// Finds bare CRs and LFs and over-long lines in message text, across chunk boundaries,
// with indexOf (memchr) rather than a JavaScript loop over every byte.

const CR = 0x0d;
const LF = 0x0a;

export interface TLineScanState {
  // Octets of the line still open at the end of the last chunk.
  lineOctets: number;
  // The last chunk ended in a CR whose LF, if any, starts the next chunk.
  isCrPending: boolean;
  lastByte: number;
}

export interface TLineScan {
  // Offset of the first bare CR or LF in the chunk (-1: none; 0 also stands for a CR
  // pending from the chunk before that no LF followed).
  bareAt: number;
  // Offset where the first line over the limit ends or the chunk ends inside it; -1: none.
  longAt: number;
}

export function createLineScanState(): TLineScanState {
  return { lineOctets: 0, isCrPending: false, lastByte: LF };
}

/** Scans a chunk; `maxLineOctets` counts the CRLF (RFC 5321 4.5.3.1.6). */
export function scanTextLines(
  chunk: Buffer,
  state: TLineScanState,
  maxLineOctets: number,
): TLineScan {
  const length = chunk.length;
  let bareAt = state.isCrPending && chunk[0] !== LF ? 0 : -1;
  let longAt = -1;
  let lineStart = 0;

  for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
    const previous = lf > 0 ? chunk[lf - 1] : state.lastByte;
    if (previous !== CR && bareAt === -1) bareAt = lf;
    if (longAt === -1 && state.lineOctets + lf - lineStart + 1 > maxLineOctets) longAt = lf;

    state.lineOctets = 0;
    lineStart = lf + 1;
  }

  state.lineOctets += length - lineStart;
  if (longAt === -1 && state.lineOctets > maxLineOctets) longAt = length - 1;

  for (let cr = chunk.indexOf(CR); cr !== -1 && cr < length - 1; cr = chunk.indexOf(CR, cr + 1)) {
    if (chunk[cr + 1] !== LF && (bareAt === -1 || cr < bareAt)) bareAt = cr;
  }

  state.isCrPending = length > 0 && chunk[length - 1] === CR;
  if (length > 0) state.lastByte = chunk[length - 1] as number;

  return { bareAt, longAt };
}

/**
 * Rewrites every bare CR and bare LF as CRLF, so the member gets lines it cannot read any
 * other way than the gateway did. `wasCrPending`: the chunk before ended in a CR (a CR at
 * the end of a chunk is judged by the first byte of the next one).
 */
export function normalizeLineEndings(chunk: Buffer, wasCrPending: boolean): Buffer {
  const length = chunk.length;
  const offsets: number[] = [];
  if (wasCrPending && length > 0 && chunk[0] !== LF) offsets.push(0);

  for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
    const previous = lf > 0 ? chunk[lf - 1] : wasCrPending ? CR : 0;
    if (previous !== CR) offsets.push(lf);
  }
  for (let cr = chunk.indexOf(CR); cr !== -1 && cr < length - 1; cr = chunk.indexOf(CR, cr + 1)) {
    if (chunk[cr + 1] !== LF) offsets.push(cr + 1);
  }
  if (offsets.length === 0) return chunk;

  return insertBefore(chunk, offsets.sort((a, b) => a - b));
}

// Before each offset: a CR where a bare LF stands, else the LF a bare CR lacks.
function insertBefore(chunk: Buffer, offsets: number[]): Buffer {
  const out = Buffer.allocUnsafe(chunk.length + offsets.length);
  let from = 0;
  let to = 0;

  for (const offset of offsets) {
    to += chunk.copy(out, to, from, offset);
    out[to] = chunk[offset] === LF ? CR : LF;
    to += 1;
    from = offset;
  }
  chunk.copy(out, to, from);

  return out;
}
