// The results of check_host() (RFC 7208 section 2.6) and what checkSpf returns.

export type SpfResultCode =
  | 'pass'
  | 'fail'
  | 'softfail'
  | 'neutral'
  | 'none'
  | 'temperror'
  | 'permerror';

export interface SpfCheckResult {
  result: SpfResultCode;
  /** The domain whose policy was asked: that of MAIL FROM, or the HELO name. */
  domain: string;
  identity: 'mailfrom' | 'helo';
  /** For "fail" only: the domain's exp= text (RFC 7208 section 6.2), when it has one. */
  explanation?: string;
  /** The mechanism that decided, "default" when none matched. */
  mechanism?: string;
  /** Why the result is temperror, permerror or none, for logs. */
  problem?: string;
  /** A complete "Received-SPF: ..." field (RFC 7208 section 9.1), folded, without final CRLF. */
  receivedSpfHeader: string;
}
