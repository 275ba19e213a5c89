import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ZTrafficBatch,
  ZViolationBatch,
  type TTrafficRecord,
  type TViolationRecord,
  type TWorkerReport,
} from '@portcullis/contracts';

/**
 * A stand-in for the API's internal endpoints, speaking the configuration channel
 * as the API does: bearer secret and worker id on every request, the newest
 * snapshot on GET and as the first event of the stream, reports by POST; and taking
 * violation and traffic batches as the ingestion endpoints do (checked against the
 * contracts, a batch id counted once).
 */
export class FakeApi {
  readonly secret: string;
  readonly reports: TWorkerReport[] = [];
  readonly violations: TViolationRecord[] = [];
  readonly traffic: TTrafficRecord[] = [];
  private readonly batches = new Set<string>();
  readonly workerIds = new Set<string>();
  url = '';
  private current: unknown;
  private readonly streams = new Set<http.ServerResponse>();
  private readonly server: http.Server;

  constructor(secret: string, initial: unknown) {
    this.secret = secret;
    this.current = initial;
    this.server = http.createServer((request, response) => this.handle(request, response));
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;

    return this;
  }

  publish(snapshot: unknown): void {
    this.current = snapshot;
    for (const stream of this.streams) stream.write(sseEvent(snapshot));
  }

  /** Cuts every open event stream, as an API restart would. */
  dropStreams(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
  }

  stop(): Promise<void> {
    this.dropStreams();
    this.server.closeAllConnections();

    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private ingest(url: string, body: string, response: http.ServerResponse): void {
    const isViolations = url === '/internal/v1/violations';
    const isTraffic = url === '/internal/v1/traffic';
    const schema = isViolations ? ZViolationBatch : isTraffic ? ZTrafficBatch : null;
    const batch = schema?.safeParse(JSON.parse(body));
    if (!batch?.success) {
      response.writeHead(schema ? 400 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: url } }));
      return;
    }

    const key = `${url}:${batch.data.batchId}`;
    const isDuplicate = this.batches.has(key);
    this.batches.add(key);
    const records = batch.data.records;
    if (!isDuplicate && isViolations) this.violations.push(...(records as TViolationRecord[]));
    if (!isDuplicate && !isViolations) this.traffic.push(...(records as TTrafficRecord[]));
    const accepted = isDuplicate ? 0 : records.length;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ accepted, duplicate: isDuplicate }));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const workerId = request.headers['x-portcullis-worker'];
    if (request.headers.authorization !== `Bearer ${this.secret}` || typeof workerId !== 'string') {
      response.writeHead(401, { 'content-type': 'application/json' });
      const error = { code: 'UNAUTHENTICATED', message: 'bad worker secret' };
      response.end(JSON.stringify({ error }));
      return;
    }
    this.workerIds.add(workerId);

    if (request.method === 'GET' && request.url === '/internal/v1/snapshot') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(this.current));
    } else if (request.method === 'GET' && request.url === '/internal/v1/config-stream') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': ping\n\n');
      response.write(sseEvent(this.current));
      this.streams.add(response);
      response.once('close', () => this.streams.delete(response));
    } else if (request.method === 'POST' && request.url === '/internal/v1/workers/report') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.reports.push(JSON.parse(body) as TWorkerReport);
        response.writeHead(204);
        response.end();
      });
    } else if (request.method === 'POST' && request.url?.startsWith('/internal/v1/')) {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => this.ingest(request.url ?? '', body, response));
    } else {
      response.writeHead(404);
      response.end();
    }
  }
}

function sseEvent(snapshot: unknown): string {
  return `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`;
}
