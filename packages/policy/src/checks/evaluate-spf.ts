// SPF (RFC 7208) at MAIL FROM through @portcullis/spf, mapped onto the profile's violations:
// fail, softfail, temperror and permerror each have their own; pass, neutral and none are
// no violation. The outcome always carries the result (greylisting's skipWhenSpfPasses
// needs it) and, when the profile adds it, the Received-SPF header field.
import os from 'node:os';
import type { TSecurityProfileSettings, TViolation } from '@portcullis/contracts';
import {
  checkSpf,
  createDnsResolver,
  type DnsResolver,
  type SpfCheckResult,
  type SpfResultCode,
} from '@portcullis/spf';
import type { TViolationFound } from '../results/check-result.ts';

type TSpfSettings = TSecurityProfileSettings['spf'];

export interface TSpfInput {
  ip: string;
  helo: string;
  /** Without brackets; '' or null for the null sender (then postmaster@HELO is checked). */
  mailFrom: string | null;
}

export interface TSpfOutcome {
  result: SpfResultCode;
  finding: TViolationFound | null;
  /** "Received-SPF: ..." folded, without final CRLF; null when the profile adds none. */
  receivedSpfHeader: string | null;
  spf: SpfCheckResult;
}

export interface TEvaluateSpfOptions {
  /** Our host name for the header and %{r}; defaults to os.hostname(). */
  receiver?: string;
  /** RFC 7208 4.6.4: the whole evaluation is cut off after this, as temperror. 20 s. */
  deadlineMs?: number;
}

const VIOLATION_BY_RESULT: Partial<Record<SpfResultCode, TViolation>> = {
  fail: 'spf_fail',
  softfail: 'spf_softfail',
  temperror: 'spf_temperror',
  permerror: 'spf_permerror',
};

// RFC 7208 4.6.4: a limit on the whole evaluation SHOULD allow at least 20 seconds.
const DEFAULT_DEADLINE_MS = 20_000;
const RESOLVER_TRIES = 2;

/** The resolver the DNS-based checks of a profile share: dnsTimeoutMs per attempt. */
export function createProfileResolver(settings: TSpfSettings, servers?: string[]): DnsResolver {
  return createDnsResolver({ servers, timeoutMs: settings.dnsTimeoutMs, tries: RESOLVER_TRIES });
}

/** Throws SpfInputError (code SPF_INVALID_CLIENT_IP) when `ip` is not an address. */
export async function evaluateSpf(
  input: TSpfInput,
  settings: TSpfSettings,
  resolver: DnsResolver,
  options: TEvaluateSpfOptions = {},
): Promise<TSpfOutcome> {
  const receiver = options.receiver ?? os.hostname();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const spf = await withDeadline(
    checkSpf({ ...input, resolver, receiver }),
    deadlineMs,
    () => timedOut(input.ip, receiver, deadlineMs),
  );

  const violation = VIOLATION_BY_RESULT[spf.result];
  const why = spf.problem ?? spf.mechanism;
  const detail = `SPF ${spf.result} for ${spf.identity} ${spf.domain}${why ? `: ${why}` : ''}`;

  return {
    result: spf.result,
    finding: violation ? { violation, detail } : null,
    receivedSpfHeader: settings.addReceivedSpfHeader ? spf.receivedSpfHeader : null,
    spf,
  };
}

async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });

  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(ip: string, receiver: string, deadlineMs: number): SpfCheckResult {
  const problem = `evaluation took longer than ${deadlineMs} ms`;
  // Only values we checked go into the field: the client's address and our own name.
  const safeIp = ip.replace(/[^0-9A-Fa-f:.]/g, '');
  const safeReceiver = receiver.replace(/[^A-Za-z0-9.-]/g, '');

  return {
    result: 'temperror',
    domain: '',
    identity: 'mailfrom',
    problem,
    receivedSpfHeader:
      `Received-SPF: temperror (${safeReceiver}: ${problem})\r\n` +
      ` client-ip=${safeIp}; receiver=${safeReceiver};`,
  };
}
