import http from 'node:http';
import https from 'node:https';
import { WORKER_ID_HEADER, type TWorkerReport } from '@portcullis/contracts';
import { WorkerError } from '../errors/worker-error.ts';

// A request that takes longer than this is treated as the API being down.
const REQUEST_TIMEOUT_MS = 5_000;
// A snapshot is a few hundred kilobytes at most; anything far larger is not one.
const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

export interface TInternalApiOptions {
  apiUrl: string;
  workerSecret: string;
  workerId: string;
}

interface TRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  accept: string;
  signal?: AbortSignal;
}

/**
 * The worker's side of the internal API: every request carries the shared secret
 * as a bearer token and the worker's id (WORKER_ID_HEADER). Built on node:http,
 * which smtp-server loads anyway, rather than fetch, whose undici costs the
 * worker 11 MB of RSS.
 */
export class InternalApi {
  private readonly base: URL;
  private readonly headers: Record<string, string>;
  private readonly agent: http.Agent;
  private readonly client: typeof http | typeof https;

  constructor(options: TInternalApiOptions) {
    this.base = new URL(options.apiUrl);
    this.client = this.base.protocol === 'https:' ? https : http;
    // Heartbeats every 2 s ride one kept-alive connection.
    this.agent = new this.client.Agent({ keepAlive: true, maxSockets: 4 });
    this.headers = {
      authorization: `Bearer ${options.workerSecret}`,
      [WORKER_ID_HEADER]: options.workerId,
    };
  }

  async fetchSnapshot(): Promise<unknown> {
    const path = '/internal/v1/snapshot';
    const response = await this.request({ method: 'GET', path, accept: 'application/json' });
    const body = await readBody(response, MAX_SNAPSHOT_BYTES);

    try {
      return JSON.parse(body);
    } catch {
      throw new WorkerError('SNAPSHOT_INVALID', `${path}: the body is not JSON`);
    }
  }

  async postReport(report: TWorkerReport): Promise<void> {
    const path = '/internal/v1/workers/report';
    const body = JSON.stringify(report);
    const response = await this.request({ method: 'POST', path, body, accept: 'application/json' });
    response.resume();
  }

  /** Opens the event stream; the caller reads it as text and aborts `signal` to end it. */
  openConfigStream(signal: AbortSignal): Promise<http.IncomingMessage> {
    const path = '/internal/v1/config-stream';

    return this.request({ method: 'GET', path, accept: 'text/event-stream', signal });
  }

  close(): void {
    this.agent.destroy();
  }

  private request(options: TRequest): Promise<http.IncomingMessage> {
    const { method, path, body, accept, signal } = options;
    const headers: Record<string, string> = { ...this.headers, accept };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }

    return new Promise((resolve, reject) => {
      const fail = (reason: string, cause?: unknown) => {
        reject(new WorkerError('API_UNREACHABLE', `${path}: ${reason}`, { cause }));
      };
      const request = this.client.request(new URL(path, this.base), {
        method,
        headers,
        agent: this.agent,
        signal,
      });

      request.once('error', (error: NodeJS.ErrnoException) => {
        fail(error.code ?? error.message, error);
      });
      // The event stream is idle between pushes; its silence is watched by the caller.
      if (!signal) {
        request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('timeout')));
      }
      request.once('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(response);

        response.resume();
        fail(`HTTP ${status}`);
      });
      request.end(body);
    });
  }
}

function readBody(response: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;

    response.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        response.destroy();
        reject(new WorkerError('SNAPSHOT_INVALID', `snapshot larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.once('error', (error) => reject(new WorkerError('API_UNREACHABLE', error.message)));
  });
}
