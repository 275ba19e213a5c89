/**
 * Stable error codes of the ICAP client. A scan never throws: each code comes
 * back as `{ verdict: 'error', code, reason }`, and no code ever means "clean".
 */
export const ICAP_ERROR_CODES = {
  // TCP connect refused or failed: the ICAP server is down or unreachable. Retry later.
  icap_connect_failed: 'could not connect to the ICAP server',
  // Connect, a response or a stalled write took longer than the time limit.
  icap_timeout: 'the ICAP server did not answer in time',
  // The server closed or reset the connection in the middle of an exchange.
  icap_connection_lost: 'the ICAP connection was lost',
  // Status line, headers, Encapsulated offsets or chunking were malformed.
  icap_protocol_error: 'the ICAP server sent a malformed response',
  // The server answered 4xx or 5xx (c-icap answers 500 while clamd is down).
  icap_server_error: 'the ICAP server reported an error',
  // OPTIONS was not answered 200, so the service's capabilities are unknown.
  icap_options_failed: 'the ICAP service did not answer OPTIONS',
  // OPTIONS listed neither RESPMOD nor REQMOD.
  icap_method_unsupported: 'the ICAP service supports neither RESPMOD nor REQMOD',
  // The message could not be read (missing file, stream error, size mismatch).
  icap_source_error: 'the message could not be read',
  // No pooled connection became free within the time limit.
  icap_pool_timeout: 'no ICAP connection became free in time',
  // scan() was called after close().
  icap_client_closed: 'the ICAP client is closed',
  // scanMessage: the MIME structure could not be parsed, so parts were not reachable.
  mime_parse_failed: 'the message MIME structure could not be parsed',
  // scanMessage: more parts than the limit; the rest would have gone unscanned.
  mime_too_many_parts: 'the message has more MIME parts than the scan limit',
  // scanMessage: message/rfc822 attachments nested deeper than the limit.
  mime_too_deep: 'the message nests attached messages deeper than the scan limit',
} as const;

export type TIcapErrorCode = keyof typeof ICAP_ERROR_CODES;

export class IcapError extends Error {
  constructor(
    readonly code: TIcapErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IcapError';
  }
}

/** Any thrown value as an IcapError, so foreign errors keep a stable code. */
export function toIcapError(error: unknown, fallback: TIcapErrorCode): IcapError {
  if (error instanceof IcapError) return error;

  return new IcapError(fallback, error instanceof Error ? error.message : String(error));
}
