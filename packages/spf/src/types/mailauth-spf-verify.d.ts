// mailauth exports check_host() itself from lib/spf/spf-verify.js (its spf() wrapper calls it),
// but ships no types for that module. These describe what it reads and returns.
declare module 'mailauth/lib/spf/spf-verify.js' {
  /** Called as `resolver(name, rrtype)`, like dns.promises.resolve; errors carry `spfResult`. */
  export type SpfEngineResolver = (name: string, type: string) => Promise<unknown[]>;

  export interface SpfVerifyOptions {
    sender: string;
    ip: string;
    helo?: string;
    /** The receiving host, for %{r}. */
    mta?: string;
    resolver: SpfEngineResolver;
    /** A resolver for the address lookups of one mx or ptr term (RFC 7208 section 4.6.4). */
    createSubResolver?: () => SpfEngineResolver;
  }

  export interface SpfEngineError {
    error: 'none' | 'permerror' | 'temperror';
    text?: string;
  }

  export interface SpfEngineMatch {
    qualifier: '+' | '-' | '~' | '?';
    /** The mechanism that matched; absent when nothing matched (the default result). */
    type?: string;
    val?: string;
    rr?: string;
  }

  export type SpfVerifyOutcome = false | SpfEngineError | SpfEngineMatch;

  /** Throws errors with `spfResult: SpfEngineError` for none, permerror and temperror. */
  export function spfVerify(domain: string, options: SpfVerifyOptions): Promise<SpfVerifyOutcome>;
}
