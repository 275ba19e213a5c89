// The SPF check the SMTP worker runs at MAIL FROM: RFC 7208 check_host() for the MAIL FROM
// identity, or for the HELO identity when the reverse-path is null (section 2.4).
import net from 'node:net';
import os from 'node:os';
import type { DnsResolver } from '../dns/create-dns-resolver.ts';
import { evaluateCheckHost, type CheckHostVerdict } from './evaluate-check-host.ts';
import { formatReceivedSpf } from './format-received-spf.ts';
import { toCanonicalIp, unmapIpv4 } from './ip-address.ts';
import { readIdentity, toCheckableDomain } from './read-identity.ts';
import type { SpfCheckResult } from './spf-result.ts';

export interface CheckSpfInput {
  /** The SMTP client's address; IPv4-mapped IPv6 counts as IPv4. */
  ip: string;
  /** The HELO/EHLO argument as the client sent it. */
  helo: string;
  /** The MAIL FROM address without angle brackets; '' or null for the null sender. */
  mailFrom: string | null;
  resolver: DnsResolver;
  /** Our host name, for %{r} and the header; defaults to os.hostname(). */
  receiver?: string;
}

/**
 * Thrown when the client address is not an IP address: a caller bug, not an SPF result.
 * Code SPF_INVALID_CLIENT_IP; fix the caller.
 */
export class SpfInputError extends Error {
  readonly code = 'SPF_INVALID_CLIENT_IP';
}

export async function checkSpf(input: CheckSpfInput): Promise<SpfCheckResult> {
  const ip = unmapIpv4(input.ip.trim());
  if (net.isIP(ip) === 0) throw new SpfInputError(`not an IP address: ${input.ip}`);

  const helo = input.helo.trim();
  const receiver = input.receiver ?? os.hostname();
  const identity = readIdentity(input.mailFrom, helo);
  const domain = toCheckableDomain(identity.domain);

  // Section 4.3: a malformed domain, or one that is not multi-label, has no policy to ask for.
  const verdict: CheckHostVerdict = domain
    ? await evaluateCheckHost({
        resolver: input.resolver,
        domain,
        context: { sender: identity.sender, ip, helo, receiver },
      })
    : { result: 'none', problem: `not a checkable domain: ${identity.domain}` };

  const receivedSpfHeader = formatReceivedSpf({
    result: verdict.result,
    receiver,
    ip: toCanonicalIp(ip),
    helo,
    identity: identity.kind,
    envelopeFrom: identity.kind === 'mailfrom' ? (input.mailFrom ?? '').trim() : '',
    sender: identity.sender,
    mechanism: verdict.mechanism,
    problem: verdict.problem,
  });

  return {
    result: verdict.result,
    domain: domain ?? identity.domain,
    identity: identity.kind,
    ...(verdict.explanation === undefined ? {} : { explanation: verdict.explanation }),
    ...(verdict.mechanism === undefined ? {} : { mechanism: verdict.mechanism }),
    ...(verdict.problem === undefined ? {} : { problem: verdict.problem }),
    receivedSpfHeader,
  };
}
