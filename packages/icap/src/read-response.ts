import { createHash } from 'node:crypto';
import type { IcapConnection } from './icap-connection.ts';
import { IcapError } from './icap-error.ts';
import { parseEncapsulated } from './parse-encapsulated.ts';
import { clip } from './parse-header-block.ts';
import { parseIcapHead } from './parse-icap-head.ts';
import { readChunkedBody } from './read-chunked-body.ts';

export interface TIcapResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  // Status of an encapsulated HTTP response (res-hdr), e.g. 403 for a block page.
  httpStatus: number | null;
  // SHA-256 of the encapsulated body, to tell an echo from a change; null without one.
  bodyDigest: string | null;
  // False when the server said `Connection: close`.
  isKeepAlive: boolean;
}

const MAX_HEAD_BYTES = 64 * 1024;
const MAX_HTTP_HEADER_BYTES = 256 * 1024;
const HTTP_STATUS_LINE = /^HTTP\/\d\.\d (\d{3})/;

/** Reads one ICAP response: head, encapsulated HTTP headers and chunked body. */
export async function readResponse(connection: IcapConnection): Promise<TIcapResponse> {
  const rawHead = await connection.readUntil('\r\n\r\n', MAX_HEAD_BYTES);
  const head = parseIcapHead(rawHead.subarray(0, -4));
  const isKeepAlive = !/\bclose\b/i.test(head.headers['connection'] ?? '');
  const response = { ...head, httpStatus: null, bodyDigest: null, isKeepAlive };
  // RFC 3507 section 4.5: 100 Continue carries no encapsulated part.
  if (head.status === 100) return response;

  const encapsulated = parseEncapsulated(head.headers['encapsulated']);
  if (encapsulated.headerBytes > MAX_HTTP_HEADER_BYTES) {
    const limit = `${MAX_HTTP_HEADER_BYTES} bytes`;
    throw new IcapError('icap_protocol_error', `encapsulated headers over ${limit}`);
  }

  const httpHeaders = await connection.readExactly(encapsulated.headerBytes);
  const resHdr = encapsulated.sections.find((section) => section.name === 'res-hdr');
  const httpStatus = resHdr ? readHttpStatus(httpHeaders.subarray(resHdr.offset)) : null;
  if (!encapsulated.hasBody) return { ...response, httpStatus };

  const hash = createHash('sha256');
  await readChunkedBody(connection, hash);

  return { ...response, httpStatus, bodyDigest: hash.digest('hex') };
}

function readHttpStatus(section: Buffer): number {
  const line = section.subarray(0, 64).toString('latin1').split('\r\n')[0] ?? '';
  const match = HTTP_STATUS_LINE.exec(line);
  if (!match) throw new IcapError('icap_protocol_error', `bad HTTP status line: ${clip(line)}`);

  return Number(match[1]);
}
