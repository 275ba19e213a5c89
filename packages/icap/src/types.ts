import type { Readable } from 'node:stream';
import type { TIcapErrorCode } from './icap-error.ts';

// A message as a stream, in memory, or as the path of a file holding it.
export type TScanSource = Readable | Buffer | string;

export interface TScanOptions {
  // Size in bytes when known; sent as Content-Length and checked against the bytes read.
  size?: number;
}

export type TScanVerdict =
  // `modified`: a 200 echoed a changed body without naming an infection (see decide-verdict.ts).
  | { verdict: 'clean'; modified?: boolean }
  // `headers`: the ICAP response headers, names in lower case, folded lines unfolded.
  | { verdict: 'infected'; threat: string; headers: Record<string, string> }
  | { verdict: 'error'; code: TIcapErrorCode; reason: string };

/** Structured logger, pino-compatible: fields first, short message second. */
export interface TIcapLogger {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface TIcapClientOptions {
  host: string;
  port: number;
  // ICAP service path, e.g. `avscan` (the internal parameter icap_uri).
  service: string;
  // Limit for connect, for each response after its request part is sent, and for
  // each stalled write. Default 10 s (the internal parameter icap_timeout_ms).
  timeoutMs?: number;
  // Pool size; lowered further by the server's Max-Connections. Default 8.
  maxConnections?: number;
  // Headers naming an infection; comma-separated or a list.
  // Default `X-Virus-Name,X-Infection-Found` (the internal parameter virus_header_name).
  virusHeaderNames?: string | readonly string[];
  // Upper bound on preview bytes; the server's Preview wins when smaller; 0 disables.
  previewBytes?: number;
  // Send `Allow: 204` when the server offers it. Default true; off makes the server
  // echo clean bodies back in a 200.
  useAllow204?: boolean;
  // Idle pooled connections are closed after this long. Default 30 s.
  idleTimeoutMs?: number;
  logger?: TIcapLogger;
}

/** What the service said in its OPTIONS answer (RFC 3507 section 4.10.2). */
export interface TIcapServiceOptions {
  methods: string[];
  // Bytes the server wants as a preview; null when it sent no Preview header.
  previewBytes: number | null;
  isAllow204: boolean;
  maxConnections: number | null;
  ttlMs: number;
  istag: string | null;
  fetchedAt: number;
}

export interface TIcapClientStats {
  connectionsOpened: number;
  connectionsReused: number;
  connectionsDropped: number;
  idle: number;
  busy: number;
  optionsFetches: number;
  scans: number;
  previewsSent: number;
  continues: number;
}

export interface TIcapClient {
  scan(source: TScanSource, options?: TScanOptions): Promise<TScanVerdict>;
  // The current OPTIONS answer, fetched at first use and again after Options-TTL.
  serviceOptions(): Promise<TIcapServiceOptions>;
  stats(): TIcapClientStats;
  close(): Promise<void>;
}
