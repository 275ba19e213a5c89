// The engine stops an evaluation when an error carrying `spfResult` is thrown at it, and passes
// errors without one through include as if nothing had happened. Every error we raise inside
// the engine therefore carries one.
import type { SpfEngineError } from 'mailauth/lib/spf/spf-verify.js';

export type SpfAbortResult = SpfEngineError['error'];

export class SpfAbort extends Error {
  readonly spfResult: SpfEngineError;

  constructor(result: SpfAbortResult, text: string) {
    super(text);
    this.name = 'SpfAbort';
    this.spfResult = { error: result, text };
  }
}

export function readSpfResult(error: unknown): SpfEngineError | undefined {
  const result = (error as { spfResult?: SpfEngineError } | null)?.spfResult;

  return result && typeof result.error === 'string' ? result : undefined;
}
