// Splits the raw bytes of command mode into lines the way smtp-server's parser does (each
// LF ends a line, a CR before it is dropped), keeping what the parser forgets: how many
// octets the line had with its ending, whether that ending was a bare LF, and when its
// first byte arrived (counted in replies sent by then, for the pipelining check).

const CR = 0x0d;
const LF = 0x0a;

export interface TCommandLine {
  octets: number;
  isBareLf: boolean;
  // Replies the server had sent when the line's first byte arrived.
  repliesAtArrival: number;
}

export interface TCommandScan {
  lines: TCommandLine[];
  // The line not finished yet: its octets so far, its first byte's arrival, its last byte.
  partial: { octets: number; repliesAtArrival: number; lastByte: number } | null;
}

export function createCommandScan(): TCommandScan {
  return { lines: [], partial: null };
}

export function scanCommandBytes(
  scan: TCommandScan,
  chunk: Buffer,
  repliesAtArrival: number,
): void {
  let start = 0;

  for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
    const partial = scan.partial;
    const previous = lf > 0 ? chunk[lf - 1] : partial?.lastByte;
    scan.lines.push({
      octets: (partial?.octets ?? 0) + lf - start + 1,
      isBareLf: previous !== CR,
      repliesAtArrival: partial?.repliesAtArrival ?? repliesAtArrival,
    });
    scan.partial = null;
    start = lf + 1;
  }

  if (start >= chunk.length) return;

  scan.partial = {
    octets: (scan.partial?.octets ?? 0) + chunk.length - start,
    repliesAtArrival: scan.partial?.repliesAtArrival ?? repliesAtArrival,
    lastByte: chunk[chunk.length - 1] as number,
  };
}
