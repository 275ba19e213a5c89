// The ICAP anti-virus client (RFC 3507): OPTIONS at first use and after its
// TTL, then one RESPMOD (or REQMOD) per scan over a keep-alive connection pool.
import { buildRequestHead, serviceAddress, type TIcapMethod } from './build-request-head.ts';
import { ConnectionPool } from './connection-pool.ts';
import { decideVerdict } from './decide-verdict.ts';
import { fetchServiceOptions } from './fetch-service-options.ts';
import { normalizeHeaderNames } from './find-threat.ts';
import type { IcapConnection } from './icap-connection.ts';
import { IcapError, toIcapError } from './icap-error.ts';
import { describeSource, type TBody } from './open-source.ts';
import { runScanExchange } from './run-scan-exchange.ts';
import { takePreview } from './take-preview.ts';
import type {
  TIcapClient,
  TIcapClientOptions,
  TIcapServiceOptions,
  TScanOptions,
  TScanSource,
  TScanVerdict,
} from './types.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_CONNECTIONS = 8;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

type TAttempt<T> = (connection: IcapConnection) => Promise<{ value: T; isReusable: boolean }>;

export function createIcapClient(options: TIcapClientOptions): TIcapClient {
  const timeoutMs = positive(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const maxConnections = positive(
    options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    'maxConnections',
  );
  const address = serviceAddress(options.host, options.port, options.service);
  const virusHeaderNames = normalizeHeaderNames(options.virusHeaderNames);
  const logger = options.logger;
  const pool = new ConnectionPool({
    host: options.host,
    port: options.port,
    maxConnections,
    timeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
  });
  const counters = { optionsFetches: 0, scans: 0, previewsSent: 0, continues: 0 };
  let current: TIcapServiceOptions | null = null;
  let refreshing: Promise<TIcapServiceOptions> | null = null;

  /** Runs one exchange on a pooled connection; retries once on a fresh one when a
   * parked connection turns out closed before any answer (the server's idle close). */
  async function withConnection<T>(attempt: TAttempt<T>, canRetry: boolean): Promise<T> {
    const lease = await pool.acquire();
    try {
      const { value, isReusable } = await attempt(lease.connection);
      pool.release(lease.connection, isReusable);

      return value;
    } catch (error) {
      pool.release(lease.connection, false);
      const isStale =
        lease.isReused &&
        lease.connection.bytesReceived === 0 &&
        error instanceof IcapError &&
        error.code === 'icap_connection_lost';
      if (!canRetry || !isStale) throw error;

      logger?.debug({ uri: address.uri }, 'icap parked connection stale, retrying');
      pool.dropIdle();

      return withConnection(attempt, false);
    }
  }

  async function refreshOptions(): Promise<TIcapServiceOptions> {
    const fetched = await withConnection(async (connection) => {
      const answer = await fetchServiceOptions(connection, address, timeoutMs);

      return { value: answer.options, isReusable: answer.isReusable };
    }, true);
    counters.optionsFetches += 1;
    pool.setServerLimit(fetched.maxConnections);
    current = fetched;
    logger?.debug({ uri: address.uri, istag: fetched.istag }, 'icap options fetched');

    return fetched;
  }

  function serviceOptions(): Promise<TIcapServiceOptions> {
    if (current && Date.now() - current.fetchedAt < current.ttlMs) return Promise.resolve(current);

    refreshing ??= refreshOptions().finally(() => {
      refreshing = null;
    });

    return refreshing;
  }

  async function scanOnce(connection: IcapConnection, body: TBody, service: TIcapServiceOptions) {
    const previewLimit = choosePreview(service.previewBytes, options.previewBytes);
    const split = await takePreview(body.open(), previewLimit ?? 0);
    try {
      const isPreview = previewLimit !== null;
      const head = buildRequestHead({
        method: chooseMethod(service.methods),
        ...address,
        previewBytes: isPreview ? split.preview.length : null,
        isAllow204: (options.useAllow204 ?? true) && service.isAllow204,
        bodySize: body.size,
      });
      if (isPreview) counters.previewsSent += 1;

      const result = await runScanExchange(connection, {
        head,
        split,
        isPreview,
        expectedSize: body.size,
        timeoutMs,
        onContinue: () => (counters.continues += 1),
      });
      const verdict = decideVerdict(result.response, result.sentDigest, virusHeaderNames);

      return { value: verdict, isReusable: result.isReusable };
    } finally {
      await split.close();
    }
  }

  async function scan(source: TScanSource, scanOptions: TScanOptions = {}): Promise<TScanVerdict> {
    counters.scans += 1;
    try {
      const service = await serviceOptions();
      const body = await describeSource(source, scanOptions.size);

      const attempt = (connection: IcapConnection) => scanOnce(connection, body, service);

      return await withConnection(attempt, body.isReplayable);
    } catch (error) {
      const failure = toIcapError(error, 'icap_protocol_error');

      return { verdict: 'error', code: failure.code, reason: failure.message };
    }
  }

  return {
    scan,
    serviceOptions,
    stats: () => ({
      connectionsOpened: pool.opened,
      connectionsReused: pool.reused,
      connectionsDropped: pool.dropped,
      idle: pool.idleCount,
      busy: pool.busyCount,
      ...counters,
    }),
    close: async () => pool.close(),
  };
}

/** RESPMOD when offered (the message is "a response" to scan), else REQMOD. A server
 * that omits Methods, which RFC 3507 section 4.10.2 requires, is taken to do RESPMOD. */
function chooseMethod(methods: readonly string[]): TIcapMethod {
  if (methods.length === 0 || methods.includes('RESPMOD')) return 'RESPMOD';
  if (methods.includes('REQMOD')) return 'REQMOD';

  throw new IcapError('icap_method_unsupported', `service offers ${methods.join(', ')}`);
}

/** Preview size: the server's Preview, capped by ours; null sends no preview. */
function choosePreview(serverBytes: number | null, clientCap: number | undefined): number | null {
  if (serverBytes === null || clientCap === 0) return null;

  return Math.min(serverBytes, clientCap ?? serverBytes);
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive integer`);
  }

  return value;
}
