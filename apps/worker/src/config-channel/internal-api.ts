import { WORKER_ID_HEADER, type TWorkerReport } from '@portcullis/contracts';
import { WorkerError } from '../errors/worker-error.ts';

// A request that takes longer than this is treated as the API being down.
const REQUEST_TIMEOUT_MS = 5_000;

export interface TInternalApiOptions {
  apiUrl: string;
  workerSecret: string;
  workerId: string;
}

/**
 * The worker's side of the internal API: every request carries the shared secret
 * as a bearer token and the worker's id (see the configuration channel in the
 * preamble of the project notes and WORKER_ID_HEADER in the contracts).
 */
export class InternalApi {
  private readonly options: TInternalApiOptions;
  private readonly headers: Record<string, string>;

  constructor(options: TInternalApiOptions) {
    this.options = options;
    this.headers = {
      authorization: `Bearer ${options.workerSecret}`,
      [WORKER_ID_HEADER]: options.workerId,
    };
  }

  async fetchSnapshot(): Promise<unknown> {
    const response = await this.request('/internal/v1/snapshot', { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

    return response.json();
  }

  async postReport(report: TWorkerReport): Promise<void> {
    const response = await this.request('/internal/v1/workers/report', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
  }

  /** Opens the event stream; the caller reads and eventually aborts the body. */
  openConfigStream(signal: AbortSignal): Promise<Response> {
    return this.request('/internal/v1/config-stream', { headers: { accept: 'text/event-stream' }, signal });
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.options.apiUrl}${path}`, {
        ...init,
        headers: { ...this.headers, ...(init.headers as Record<string, string> | undefined) },
      });
    } catch (error) {
      throw new WorkerError('API_UNREACHABLE', `${path}: ${describeFetchError(error)}`, { cause: error });
    }

    if (!response.ok) {
      await response.body?.cancel();
      throw new WorkerError('API_UNREACHABLE', `${path}: HTTP ${response.status}`);
    }

    return response;
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;

  return cause?.code ?? cause?.message ?? (error as Error).message;
}
