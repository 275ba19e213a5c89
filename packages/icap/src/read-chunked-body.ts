import type { Hash } from 'node:crypto';
import type { IcapConnection } from './icap-connection.ts';
import { IcapError } from './icap-error.ts';
import { clip } from './parse-header-block.ts';

const MAX_CHUNK_LINE_BYTES = 1024;
const READ_SLICE_BYTES = 64 * 1024;

/**
 * Consumes an ICAP chunked body (RFC 3507 section 4.4.1, HTTP/1.1 chunking with
 * the `ieof` extension) piece by piece into `hash`, so memory stays bounded
 * whatever its size. Returns the number of body bytes.
 */
export async function readChunkedBody(connection: IcapConnection, hash: Hash): Promise<number> {
  let total = 0;

  for (;;) {
    const line = (await connection.readUntil('\r\n', MAX_CHUNK_LINE_BYTES)).toString('latin1');
    const size = parseChunkSize(line.slice(0, -2));
    if (size === 0) break;

    for (let left = size; left > 0; ) {
      const piece = await connection.readSome(Math.min(left, READ_SLICE_BYTES));
      hash.update(piece);
      left -= piece.length;
    }
    await expectCrlf(connection);
    total += size;
  }

  // Trailer lines are not used by ICAP; skip any up to the blank line.
  while ((await connection.readUntil('\r\n', MAX_CHUNK_LINE_BYTES)).length > 2);

  return total;
}

function parseChunkSize(line: string): number {
  const match = /^([0-9a-fA-F]{1,12})[ \t]*(;.*)?$/.exec(line);
  if (!match) throw new IcapError('icap_protocol_error', `bad chunk size: ${clip(line)}`);

  return Number.parseInt(match[1]!, 16);
}

async function expectCrlf(connection: IcapConnection): Promise<void> {
  const end = await connection.readExactly(2);
  if (end.toString('latin1') !== '\r\n') {
    throw new IcapError('icap_protocol_error', 'chunk not followed by CRLF');
  }
}
