// RCPT phase of a protected virtual server, before the recipient is offered to a member:
// a running harvest block, relaying, the recipient count, the profile's own list of valid
// recipients, greylisting. Greylisting goes last: it is the one that remembers attempts.
// Which of them run is planned once per profile.
import {
  checkGreylist,
  checkRecipientCount,
  checkRecipientDomain,
  isBlocking,
  isHarvestBlocked,
  isRecipientUnknown,
  recordUnknownRecipient,
  type TMaybePromise,
} from '@portcullis/policy';
import type { SMTPServerAddress } from 'smtp-server';
import { isOn, type TProfilePolicy } from '../protection/profile-policy.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import { runPhaseChecks, settleWhenAnswered, type TPhaseCheck } from './run-phase-checks.ts';
import { settleCheck } from './settle-check.ts';
import type { TPhaseVerdict, TPolicyReply } from './verdicts.ts';

// Checks without a lookup (the memory store included) answer at once; only lookups cost a
// promise.
export type TRcptCheck = TPhaseCheck<SMTPServerAddress>;

// RFC 5321 4.2.2 550 and RFC 3463 3.2 X.1.1 "bad destination mailbox address": what a
// mail store answers for a user it does not have. Not a violation by itself.
const UNKNOWN_RECIPIENT: TPolicyReply = {
  code: 550,
  text: '5.1.1 Recipient address rejected: user unknown',
  isClosing: false,
};

/** The RCPT checks a profile runs, in order. */
export function planRcptChecks(profile: TProfilePolicy): TRcptCheck[] {
  const isHarvestBlocking = isBlocking(profile.decisions.directory_harvest);
  const hasValidList = profile.settings.harvest.validRecipients.length > 0;
  const hasProtectedDomains = profile.settings.validation.protectedDomains.length > 0;
  const plan: Array<[boolean, TRcptCheck]> = [
    // Only a profile that blocks harvesting refuses a client serving a block.
    [isHarvestBlocking, checkHarvestBlock],
    [isOn(profile, 'relay_denied') && hasProtectedDomains, checkRelay],
    [isOn(profile, 'too_many_recipients'), checkCount],
    [isOn(profile, 'directory_harvest') && hasValidList, checkValidRecipient],
    [isOn(profile, 'greylisted'), checkGreylisting],
  ];

  return plan.filter(([isPlanned]) => isPlanned).map(([, check]) => check);
}

export function decideRcpt(
  policy: TSessionPolicy,
  checks: TRcptCheck[],
  recipient: SMTPServerAddress,
): TMaybePromise<TPhaseVerdict> {
  return runPhaseChecks(policy, checks, recipient);
}

const subjectOf = (policy: TSessionPolicy) => ({ command: policy.currentCommand });

function checkHarvestBlock(policy: TSessionPolicy): TMaybePromise<TPhaseVerdict> {
  const client = policy.client.address;
  const isBlocked = isHarvestBlocked({ client }, policy.profile.deps);
  if (isBlocked instanceof Promise) {
    return isBlocked.then((blocked) => settleHarvestBlock(policy, blocked));
  }

  return settleHarvestBlock(policy, isBlocked);
}

function settleHarvestBlock(policy: TSessionPolicy, isBlocked: boolean): TPhaseVerdict {
  if (!isBlocked) return 'continue';

  const detail = `${policy.client.address} is serving a harvest block`;
  const finding = { violation: 'directory_harvest' as const, detail };

  return settleCheck(policy, finding, subjectOf(policy));
}

function checkRelay(policy: TSessionPolicy, recipient: SMTPServerAddress): TPhaseVerdict {
  const finding = checkRecipientDomain(recipient.address, policy.profile.settings.validation);

  return settleCheck(policy, finding, subjectOf(policy));
}

function checkCount(policy: TSessionPolicy): TPhaseVerdict {
  const count = policy.session.envelope.rcptTo.length + 1;
  const finding = checkRecipientCount(count, policy.profile.settings.validation);

  return settleCheck(policy, finding, subjectOf(policy));
}

// With validRecipients set, any other recipient does not exist: it counts towards the
// harvest limit, and a profile that blocks harvesting refuses it as a mail store would.
// A profile that only alarms counts it and lets the member decide.
function checkValidRecipient(policy: TSessionPolicy, recipient: SMTPServerAddress) {
  const { profile } = policy;
  if (!isRecipientUnknown(recipient.address, profile.settings.harvest)) return 'continue';

  const verdict = countUnknownRecipient(policy);
  if (verdict instanceof Promise) return verdict.then((counted) => refuseUnknown(policy, counted));

  return refuseUnknown(policy, verdict);
}

function refuseUnknown(policy: TSessionPolicy, counted: TPhaseVerdict): TPhaseVerdict {
  if (counted !== 'continue') return counted;

  return isBlocking(policy.profile.decisions.directory_harvest) ? UNKNOWN_RECIPIENT : 'continue';
}

function checkGreylisting(policy: TSessionPolicy, recipient: SMTPServerAddress) {
  const { profile, session } = policy;
  const mailFrom = session.envelope.mailFrom;
  const input = {
    client: policy.client.address,
    sender: mailFrom ? mailFrom.address : '',
    recipient: recipient.address,
    isSpfPass: policy.transaction.spf?.result === 'pass',
  };
  const result = checkGreylist(input, profile.settings.greylisting, profile.deps);

  return settleWhenAnswered(policy, result, subjectOf(policy));
}

/** One more non-existent recipient from this client; past the limit, the harvest finding. */
export function countUnknownRecipient(policy: TSessionPolicy): TMaybePromise<TPhaseVerdict> {
  const { profile } = policy;
  const input = { client: policy.client.address };
  const finding = recordUnknownRecipient(input, profile.settings.harvest, profile.deps);

  return settleWhenAnswered(policy, finding, subjectOf(policy));
}
