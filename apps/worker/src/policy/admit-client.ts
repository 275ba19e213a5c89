// Connect phase of a protected virtual server, before the greeting: the concurrency limit
// and a harvest block still running. The disallowed-sender check by network or reverse
// name waits for MAIL, where the record can name the sender too.
import { acquireConnectionSlot, isBlocking, isHarvestBlocked } from '@portcullis/policy';
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

export async function admitClient(policy: TSessionPolicy): Promise<TPhaseVerdict> {
  const { profile } = policy;
  const client = policy.client.address;

  // Only a profile that blocks harvesting refuses here (@portcullis/policy's README).
  if (isBlocking(profile.decisions.directory_harvest)) {
    if (await isHarvestBlocked({ client }, profile.deps)) {
      const detail = `${client} is serving a harvest block`;
      const finding = { violation: 'directory_harvest' as const, detail };
      const verdict = settleCheck(policy, finding, SUBJECT, BEFORE_HELO);
      if (verdict !== 'continue') return verdict;
    }
  }

  if (!isOn(profile, 'rate_limit_concurrency')) return 'continue';

  const { rateLimits } = profile.settings;
  const outcome = await acquireConnectionSlot({ client }, rateLimits, profile.deps);
  policy.slot = outcome.slot;
  policy.slotRenewedAt = Date.now();
  // The client may have left while the store answered.
  if (policy.isClosed) await releaseSlot(policy);

  const verdict = settleCheck(policy, outcome.finding, SUBJECT, BEFORE_HELO);
  // A refused connection gives its slot back at once.
  if (verdict !== 'continue') await releaseSlot(policy);

  return verdict;
}

/** When the connection closes (or is refused). */
export async function releaseSlot(policy: TSessionPolicy): Promise<void> {
  const slot = policy.slot;
  policy.slot = null;
  await slot?.release();
}

// A slot lapses 10 minutes after it was taken or renewed (@portcullis/policy); a long
// session renews it now and then, at MAIL, so it keeps being counted.
const SLOT_RENEW_AFTER_MS = 5 * 60_000;

export function renewSlotIfDue(policy: TSessionPolicy): void {
  if (!policy.slot || Date.now() - policy.slotRenewedAt < SLOT_RENEW_AFTER_MS) return;

  policy.slotRenewedAt = Date.now();
  void policy.slot.renew();
}
