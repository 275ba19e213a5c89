import type { IcapConnection } from './icap-connection.ts';
import { IcapError } from './icap-error.ts';
import { readResponse } from './read-response.ts';
import type { TIcapServiceOptions } from './types.ts';

// RFC 3507 section 4.10.2: without Options-TTL the answer does not expire; we
// still ask again hourly so a reconfigured server is noticed.
const DEFAULT_TTL_MS = 3600_000;

/** Asks the service for its OPTIONS over `connection`; returns them and whether to reuse it. */
export async function fetchServiceOptions(
  connection: IcapConnection,
  address: { uri: string; hostHeader: string },
  timeoutMs: number,
): Promise<{ options: TIcapServiceOptions; isReusable: boolean }> {
  connection.beginRequest();
  const request = `OPTIONS ${address.uri} ICAP/1.0\r\nHost: ${address.hostHeader}\r\n` +
    'Encapsulated: null-body=0\r\n\r\n';
  await connection.write([request], timeoutMs);
  connection.setReadTimeout(timeoutMs);

  const response = await readResponse(connection);
  if (response.status !== 200) {
    const answer = `${response.status} ${response.reason}`.trim();
    throw new IcapError('icap_options_failed', `OPTIONS answered ${answer}`);
  }

  return { options: parseServiceOptions(response.headers), isReusable: response.isKeepAlive };
}

export function parseServiceOptions(headers: Record<string, string>): TIcapServiceOptions {
  const methods = (headers['methods'] ?? '')
    .split(',')
    .map((method) => method.trim().toUpperCase())
    .filter((method) => method !== '');
  const ttlSeconds = toCount(headers['options-ttl']);

  return {
    methods,
    previewBytes: toCount(headers['preview']),
    isAllow204: /(^|[\s,])204($|[\s,])/.test(headers['allow'] ?? ''),
    maxConnections: toCount(headers['max-connections']),
    ttlMs: ttlSeconds === null ? DEFAULT_TTL_MS : ttlSeconds * 1000,
    istag: headers['istag'] ?? null,
    fetchedAt: Date.now(),
  };
}

function toCount(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return null;

  return Number(value.trim());
}
