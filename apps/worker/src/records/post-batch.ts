// One delivery attempt of a batch to the API's ingestion endpoint, sorted into what the
// shipper does next: delete it, split it, or keep it and retry.

export type TPostOutcome =
  | { kind: 'delivered'; accepted: number | null; isDuplicate: boolean }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'retry'; reason: string };

export interface TPostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborted when the shipper stops for good. */
  signal: AbortSignal;
}

// The API refused the content: sending the same bytes again cannot succeed.
const REJECTED_STATUSES = new Set([400, 413, 422]);

export async function postBatch(request: TPostRequest): Promise<TPostOutcome> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { ...request.headers, 'content-type': 'application/json' },
      body: request.body,
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]),
    });
  } catch (error) {
    return { kind: 'retry', reason: describeFetchError(error) };
  }

  const text = await response.text().catch(() => '');
  if (response.ok) return readAnswer(text);
  if (REJECTED_STATUSES.has(response.status)) {
    return { kind: 'rejected', status: response.status, message: readErrorMessage(text) };
  }

  // 401/403 (secret), 404 (an older API), 5xx: not the records' fault; wait and retry.
  return { kind: 'retry', reason: `HTTP ${response.status} ${readErrorMessage(text)}`.trim() };
}

function readAnswer(text: string): TPostOutcome {
  try {
    const answer = JSON.parse(text) as { accepted?: unknown; duplicate?: unknown };
    const accepted = typeof answer.accepted === 'number' ? answer.accepted : null;

    return { kind: 'delivered', accepted, isDuplicate: answer.duplicate === true };
  } catch {
    return { kind: 'delivered', accepted: null, isDuplicate: false };
  }
}

function readErrorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; field?: unknown } };
    const field = typeof body.error?.field === 'string' ? ` (${body.error.field})` : '';

    return `${String(body.error?.message ?? '')}${field}`.slice(0, 500);
  } catch {
    return text.slice(0, 500);
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;

  return cause?.code ?? cause?.message ?? (error as Error).message;
}
