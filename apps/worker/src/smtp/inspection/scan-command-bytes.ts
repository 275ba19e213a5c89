// Splits the raw bytes of command mode into lines the way smtp-server's parser does (each
// LF ends a line, a CR before it is dropped), keeping what the parser forgets: how many
// octets the line had with its ending, whether that ending was a bare LF, and when its
// first byte arrived (counted in replies sent by then, for the pipelining check). It also
// finds where a line runs past the parser's own limit, so that the inspector can cut it
// there (see connection-inspector.ts) instead of letting the parser fail the connection.

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

/**
 * Scans a chunk of command bytes. With `maxLineOctets`, a line that reaches past that many
 * octets before its LF stops the scan right after its first `maxLineOctets` octets, and the
 * offset of that point in the chunk is returned (-1: the whole chunk was scanned). The
 * line stays open in `partial`, however long it had already grown.
 */
export function scanCommandBytes(
  scan: TCommandScan,
  chunk: Buffer,
  repliesAtArrival: number,
  maxLineOctets = Infinity,
): number {
  let start = 0;

  for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
    const partial = scan.partial;
    const before = partial?.octets ?? 0;
    if (before + lf - start > maxLineOctets) {
      return cutLine(scan, chunk, start, maxLineOctets, repliesAtArrival);
    }

    const previous = lf > 0 ? chunk[lf - 1] : partial?.lastByte;
    scan.lines.push({
      octets: before + lf - start + 1,
      isBareLf: previous !== CR,
      repliesAtArrival: partial?.repliesAtArrival ?? repliesAtArrival,
    });
    scan.partial = null;
    start = lf + 1;
  }

  if (start >= chunk.length) return -1;
  if ((scan.partial?.octets ?? 0) + chunk.length - start > maxLineOctets) {
    return cutLine(scan, chunk, start, maxLineOctets, repliesAtArrival);
  }

  scan.partial = {
    octets: (scan.partial?.octets ?? 0) + chunk.length - start,
    repliesAtArrival: scan.partial?.repliesAtArrival ?? repliesAtArrival,
    lastByte: chunk[chunk.length - 1] as number,
  };

  return -1;
}

// The open line gets its octets up to the limit (a line already past it, none more).
function cutLine(
  scan: TCommandScan,
  chunk: Buffer,
  start: number,
  maxLineOctets: number,
  repliesAtArrival: number,
): number {
  const before = scan.partial?.octets ?? 0;
  const cut = start + Math.max(0, maxLineOctets - before);
  scan.partial = {
    octets: Math.max(before, maxLineOctets),
    repliesAtArrival: scan.partial?.repliesAtArrival ?? repliesAtArrival,
    lastByte: cut > start ? (chunk[cut - 1] as number) : (scan.partial?.lastByte ?? 0),
  };

  return cut;
}
