// Errors of our stub resolver, shaped like the ones node:dns throws so that callers written
// for `dns.promises.Resolver` (mailauth among them) branch on the same `code` values.

/**
 * Codes a lookup can fail with. Each is what node:dns uses for the same condition.
 *
 * - ENOTFOUND: the name does not exist (NXDOMAIN). A final answer; SPF counts it as void.
 * - ENODATA: the name exists but has no record of the asked type (NOERROR, empty answer).
 *   A final answer; SPF counts it as void.
 * - ETIMEOUT: no server answered within the time allowed. Transient; retry later.
 * - ESERVFAIL: the server could not answer (SERVFAIL). Transient; retry later.
 * - EREFUSED: the server refused the query (REFUSED). Transient from our side.
 * - EFORMERR: the server found our query malformed (FORMERR).
 * - ENOTIMP: the server does not implement this kind of query (NOTIMP).
 * - ECONNREFUSED: the server could not be reached (nothing listens on its port, or the
 *   network refused the packet). Transient; another server may answer.
 * - EBADRESP: the answer could not be parsed, or its CNAME chain loops or runs too long.
 * - EBADNAME: the name cannot be put on the wire (an empty label, a label over 63 octets or
 *   a name over 253). Nothing was sent.
 * - ECONNRESET: the TCP connection broke before the whole answer came.
 */
export const DNS_ERROR_CODES = [
  'ENOTFOUND',
  'ENODATA',
  'ETIMEOUT',
  'ESERVFAIL',
  'EREFUSED',
  'EFORMERR',
  'ENOTIMP',
  'ECONNREFUSED',
  'EBADRESP',
  'EBADNAME',
  'ECONNRESET',
] as const;

export type DnsErrorCode = (typeof DNS_ERROR_CODES)[number];

export class DnsError extends Error {
  readonly code: DnsErrorCode;
  readonly hostname: string;
  readonly syscall: string;

  constructor(code: DnsErrorCode, syscall: string, hostname: string) {
    super(`${syscall} ${code} ${hostname}`);
    this.name = 'DnsError';
    this.code = code;
    this.hostname = hostname;
    this.syscall = syscall;
  }
}

/** True when the name is definitely absent or has no record of the type: RFC 7208 4.6.4. */
export function isVoidAnswer(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return code === 'ENOTFOUND' || code === 'ENODATA';
}
