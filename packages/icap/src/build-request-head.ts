export type TIcapMethod = 'RESPMOD' | 'REQMOD';

export interface TRequestHead {
  method: TIcapMethod;
  uri: string;
  hostHeader: string;
  // Bytes sent as preview; null sends no Preview header.
  previewBytes: number | null;
  isAllow204: boolean;
  bodySize: number | null;
}

// The message travels as the body of a made-up HTTP exchange; these names only
// show up in the ICAP server's logs.
const HTTP_PATH = '/portcullis/message.eml';
const HTTP_HOST = 'portcullis.invalid';

/**
 * The ICAP request head with its encapsulated HTTP headers (RFC 3507 section
 * 4.4). RESPMOD wraps the message as an HTTP response body, REQMOD as a POST
 * body; Encapsulated offsets count bytes from the end of the ICAP head.
 */
export function buildRequestHead(request: TRequestHead): Buffer {
  const length = request.bodySize === null ? [] : [`Content-Length: ${request.bodySize}`];
  const sections =
    request.method === 'RESPMOD'
      ? [
          ['req-hdr', httpBlock([`GET ${HTTP_PATH} HTTP/1.1`, `Host: ${HTTP_HOST}`])],
          ['res-hdr', httpBlock(['HTTP/1.1 200 OK', 'Content-Type: message/rfc822', ...length])],
        ]
      : [
          [
            'req-hdr',
            httpBlock([
              `POST ${HTTP_PATH} HTTP/1.1`,
              `Host: ${HTTP_HOST}`,
              'Content-Type: message/rfc822',
              ...length,
            ]),
          ],
        ];

  let offset = 0;
  const entries: string[] = [];
  for (const [name, block] of sections) {
    entries.push(`${name}=${offset}`);
    offset += Buffer.byteLength(block!);
  }
  entries.push(`${request.method === 'RESPMOD' ? 'res-body' : 'req-body'}=${offset}`);

  const icapLines = [
    `${request.method} ${request.uri} ICAP/1.0`,
    `Host: ${request.hostHeader}`,
    `Encapsulated: ${entries.join(', ')}`,
    ...(request.previewBytes === null ? [] : [`Preview: ${request.previewBytes}`]),
    ...(request.isAllow204 ? ['Allow: 204'] : []),
  ];

  const httpHeaders = sections.map(([, block]) => block).join('');

  return Buffer.from(`${icapLines.join('\r\n')}\r\n\r\n${httpHeaders}`);
}

function httpBlock(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** `icap://host:port/service` and the matching Host header value (IPv6 in brackets). */
export function serviceAddress(host: string, port: number, service: string) {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const hostHeader = `${hostPart}:${port}`;

  return { uri: `icap://${hostHeader}/${service.replace(/^\/+/, '')}`, hostHeader };
}
