// MAIL phase of a protected virtual server, before the sender is offered to a member:
// declared size, disallowed sender, rate limits, the sender's domain, SPF. Cheap checks
// first. Which of them run is planned once per profile: only those whose violations the
// profile alarms on or blocks.
import type { TViolation } from '@portcullis/contracts';
import {
  checkClientMessageRate,
  checkDisallowedSender,
  checkMessageSize,
  checkSenderDomain,
  checkSenderMessageRate,
  domainOf,
  evaluateSpf,
  isTemporaryFailure,
  type TCheckResult,
  type TMaybePromise,
  type TSpfOutcome,
} from '@portcullis/policy';
import type { SMTPServerAddress } from 'smtp-server';
import { DNS_CACHE_TTL_MS } from '../protection/create-caching-resolver.ts';
import { createExpiringCache, type TExpiringCache } from '../protection/create-expiring-cache.ts';
import { maxMessageBytes } from '../protection/message-size-limit.ts';
import { isOn, type TProfilePolicy } from '../protection/profile-policy.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import { runPhaseChecks, settleWhenAnswered, type TPhaseCheck } from './run-phase-checks.ts';
import { settleCheck } from './settle-check.ts';
import type { TPhaseVerdict } from './verdicts.ts';

// Checks without a lookup (the memory store included) answer at once; only lookups cost a
// promise.
export type TMailCheck = TPhaseCheck<SMTPServerAddress>;

const SPF_VIOLATIONS: TViolation[] = ['spf_fail', 'spf_softfail', 'spf_temperror', 'spf_permerror'];

/** The MAIL checks a profile runs, in order. */
export function planMailChecks(profile: TProfilePolicy): TMailCheck[] {
  const { validation } = profile.settings;
  const hasDisallowed = validation.disallowedSenders.length > 0;
  const needsDomain = validation.requireResolvableSenderDomain;
  const plan: Array<[boolean, TMailCheck]> = [
    [isOn(profile, 'message_too_large'), checkDeclaredSize],
    [isOn(profile, 'disallowed_sender') && hasDisallowed, checkSenderAllowed],
    [isOn(profile, 'rate_limit_client'), checkClientRate],
    [isOn(profile, 'rate_limit_sender'), checkSenderRate],
    [isOn(profile, 'sender_domain_unresolvable') && needsDomain, checkDomain],
    [isOn(profile, ...SPF_VIOLATIONS), checkSenderSpf],
  ];

  return plan.filter(([isPlanned]) => isPlanned).map(([, check]) => check);
}

export function decideMail(
  policy: TSessionPolicy,
  checks: TMailCheck[],
  sender: SMTPServerAddress,
): TMaybePromise<TPhaseVerdict> {
  return runPhaseChecks(policy, checks, sender);
}

const subjectOf = (policy: TSessionPolicy, sender: SMTPServerAddress) => ({
  command: policy.currentCommand,
  sender: sender.address,
});

// RFC 1870 6: a SIZE= over the limit is refused at MAIL, before any data moves. When the
// check is off smtp-server judges SIZE= itself against the gateway's own limit.
function checkDeclaredSize(policy: TSessionPolicy, sender: SMTPServerAddress): TPhaseVerdict {
  const declared = sender.args ? (sender.args as Record<string, unknown>).SIZE : undefined;
  if (typeof declared !== 'string') return 'continue';

  const size = Number(declared);
  const finding = checkMessageSize(size, policy.profile.settings.validation);
  if (finding) finding.detail = `declared SIZE=${declared}: ${finding.detail}`;

  const verdict = settleCheck(policy, finding, subjectOf(policy, sender));
  if (verdict !== 'continue') return verdict;

  // Only alarmed: the gateway's own limit still holds.
  return size > maxMessageBytes(policy.profile) ? 'message_too_large' : 'continue';
}

async function checkSenderAllowed(policy: TSessionPolicy, sender: SMTPServerAddress) {
  const input = { client: policy.client.address, sender: sender.address };
  const { validation } = policy.profile.settings;
  const result = await checkDisallowedSender(input, validation, policy.profile.resolver);

  return settleCheck(policy, result, subjectOf(policy, sender));
}

function checkClientRate(policy: TSessionPolicy, sender: SMTPServerAddress) {
  const { profile } = policy;
  const input = { client: policy.client.address };
  const finding = checkClientMessageRate(input, profile.settings.rateLimits, profile.deps);

  return settleWhenAnswered(policy, finding, subjectOf(policy, sender));
}

function checkSenderRate(policy: TSessionPolicy, sender: SMTPServerAddress) {
  const { profile } = policy;
  const input = { client: policy.client.address, sender: sender.address };
  const finding = checkSenderMessageRate(input, profile.settings.rateLimits, profile.deps);

  return settleWhenAnswered(policy, finding, subjectOf(policy, sender));
}

// The verdict on a domain stands as long as the DNS answers behind it are kept (a lookup
// that failed is asked again): a sender's next messages are judged without a promise.
const domainResults = new WeakMap<TProfilePolicy, TExpiringCache<TCheckResult>>();
const DOMAIN_RESULTS_KEPT = 10_000;

function checkDomain(policy: TSessionPolicy, sender: SMTPServerAddress) {
  const { profile } = policy;
  const results = domainResultsOf(profile);
  const domain = domainOf(sender.address);
  const known = results.get(domain);
  if (known !== undefined) return settleCheck(policy, known, subjectOf(policy, sender));

  const { validation } = profile.settings;

  return checkSenderDomain(sender.address, validation, profile.resolver).then((result) => {
    if (!result || !isTemporaryFailure(result)) results.set(domain, result);

    return settleCheck(policy, result, subjectOf(policy, sender));
  });
}

function domainResultsOf(profile: TProfilePolicy): TExpiringCache<TCheckResult> {
  let results = domainResults.get(profile);
  if (!results) {
    results = createExpiringCache<TCheckResult>(DNS_CACHE_TTL_MS, DOMAIN_RESULTS_KEPT);
    domainResults.set(profile, results);
  }

  return results;
}

// RFC 7208 2.4: the MAIL FROM identity, or postmaster@HELO for the null sender. The same
// client, sender and HELO against the same (cached) DNS give the same result: it is kept
// as long as the DNS answers are, except a temperror, which may be gone on the next try.
function checkSenderSpf(policy: TSessionPolicy, sender: SMTPServerAddress) {
  const { profile } = policy;
  const input = {
    ip: policy.client.address,
    helo: policy.session.hostNameAppearsAs || '',
    mailFrom: sender.address || null,
  };
  const key = `${input.ip}\n${input.mailFrom ?? ''}\n${input.helo}`;
  const known = profile.spfResults.get(key);
  if (known) return settleSpf(policy, sender, known);

  const options = { receiver: profile.receiver };

  return evaluateSpf(input, profile.settings.spf, profile.resolver, options).then((outcome) => {
    if (outcome.result !== 'temperror') profile.spfResults.set(key, outcome);

    return settleSpf(policy, sender, outcome);
  });
}

function settleSpf(policy: TSessionPolicy, sender: SMTPServerAddress, outcome: TSpfOutcome) {
  policy.transaction.spf = outcome;

  return settleCheck(policy, outcome.finding, subjectOf(policy, sender));
}
