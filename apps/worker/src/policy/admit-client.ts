// Connect phase of a protected virtual server, before the greeting: the concurrency limit
// and a harvest block still running. The disallowed-sender check by network or reverse
// name waits for MAIL, where the record can name the sender too.
import {
  acquireConnectionSlot,
  isBlocking,
  isHarvestBlocked,
  type TConnectionSlotOutcome,
  type TMaybePromise,
} from '@portcullis/policy';
import { isOn, type TProfilePolicy } from '../protection/profile-policy.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import { settleCheck } from './settle-check.ts';
import type { TPhaseVerdict } from './verdicts.ts';

const SUBJECT = { command: '(connection)' };
const BEFORE_HELO = { isBeforeHelo: true };

/** Whether a profile checks anything at connect. */
export function isAdmissionChecked(profile: TProfilePolicy): boolean {
  return isBlocking(profile.decisions.directory_harvest) || isOn(profile, 'rate_limit_concurrency');
}

export function admitClient(policy: TSessionPolicy): TMaybePromise<TPhaseVerdict> {
  const { profile } = policy;

  // Only a profile that blocks harvesting refuses here (@portcullis/policy's README).
  if (!isBlocking(profile.decisions.directory_harvest)) return takeSlot(policy);

  const isBlocked = isHarvestBlocked({ client: policy.client.address }, profile.deps);
  if (isBlocked instanceof Promise) {
    return isBlocked.then((blocked) => admitUnlessBlocked(policy, blocked));
  }

  return admitUnlessBlocked(policy, isBlocked);
}

function admitUnlessBlocked(policy: TSessionPolicy, isBlocked: boolean) {
  if (isBlocked) {
    const detail = `${policy.client.address} is serving a harvest block`;
    const finding = { violation: 'directory_harvest' as const, detail };
    const verdict = settleCheck(policy, finding, SUBJECT, BEFORE_HELO);
    if (verdict !== 'continue') return verdict;
  }

  return takeSlot(policy);
}

function takeSlot(policy: TSessionPolicy): TMaybePromise<TPhaseVerdict> {
  const { profile } = policy;
  if (!isOn(profile, 'rate_limit_concurrency')) return 'continue';

  const input = { client: policy.client.address };
  const outcome = acquireConnectionSlot(input, profile.settings.rateLimits, profile.deps);
  if (outcome instanceof Promise) return outcome.then((taken) => holdSlot(policy, taken));

  return holdSlot(policy, outcome);
}

function holdSlot(policy: TSessionPolicy, outcome: TConnectionSlotOutcome): TPhaseVerdict {
  policy.slot = outcome.slot;
  policy.slotRenewedAt = Date.now();
  // The client may have left while the store answered.
  if (policy.isClosed) releaseSlot(policy);

  const verdict = settleCheck(policy, outcome.finding, SUBJECT, BEFORE_HELO);
  // A refused connection gives its slot back at once.
  if (verdict !== 'continue') releaseSlot(policy);

  return verdict;
}

/** When the connection closes (or is refused). The slot never throws or rejects. */
export function releaseSlot(policy: TSessionPolicy): void {
  const slot = policy.slot;
  policy.slot = null;
  void slot?.release();
}

// A slot lapses 10 minutes after it was taken or renewed (@portcullis/policy); a long
// session renews it now and then, at MAIL, so it keeps being counted.
const SLOT_RENEW_AFTER_MS = 5 * 60_000;

export function renewSlotIfDue(policy: TSessionPolicy): void {
  if (!policy.slot || Date.now() - policy.slotRenewedAt < SLOT_RENEW_AFTER_MS) return;

  policy.slotRenewedAt = Date.now();
  void policy.slot.renew();
}
