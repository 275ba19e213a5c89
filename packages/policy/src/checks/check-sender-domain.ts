// Mail validation: the sender's domain must be able to receive replies: it has an MX, or
// failing that an A or AAAA record (RFC 5321 5.1, the implicit MX). A domain publishing a
// null MX (RFC 7505) declares it takes no mail, so bounces to it could never arrive.
//
// A lookup that times out or fails is not this violation: it returns a temporary failure
// (451 4.4.3), because the same domain may resolve a minute later.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { DnsResolver } from '@portcullis/spf';
import { domainOf } from '../mail/address.ts';
import type { TTemporaryFailure, TViolationFound } from '../results/check-result.ts';
import { lookup } from './dns-outcome.ts';

type TValidationSettings = TSecurityProfileSettings['validation'];

export async function checkSenderDomain(
  sender: string | null,
  settings: TValidationSettings,
  resolver: DnsResolver,
): Promise<TViolationFound | TTemporaryFailure | null> {
  if (!settings.requireResolvableSenderDomain) return null;

  const domain = domainOf(sender ?? '');
  // The null sender has no domain; an address literal needs no lookup.
  if (domain === '' || domain.startsWith('[')) return null;

  const mx = await lookup(() => resolver.resolveMx(domain));
  if ('records' in mx) {
    const isNullMx = mx.records.length === 1 && ['', '.'].includes(mx.records[0]?.exchange ?? '');
    if (!isNullMx) return null;

    return { violation: 'sender_domain_unresolvable', detail: `${domain} has a null MX` };
  }

  const [a, aaaa] = await Promise.all([
    lookup(() => resolver.resolve4(domain)),
    lookup(() => resolver.resolve6(domain)),
  ]);
  if ('records' in a || 'records' in aaaa) return null;

  const failure = [mx, a, aaaa].find((answer) => 'failure' in answer);
  if (failure && 'failure' in failure) {
    return { temporary: 'dns_unavailable', detail: `looking up ${domain}: ${failure.failure}` };
  }

  return { violation: 'sender_domain_unresolvable', detail: `${domain} has no MX, A or AAAA` };
}
