// The one place a check's finding turns into what the gateway does: the profile's action
// for the violation, a record with a Support ID, the traffic counters, and the reply when
// the profile blocks. Alarm records and lets the command go on; Block records and refuses.
import {
  BLOCK_REPLIES,
  TEMPORARY_REPLIES,
  isAlarming,
  isBlocking,
  isClosingReply,
  type TBlockReply,
  type TTemporaryFailure,
  type TViolationFound,
} from '@portcullis/policy';
import type { TPolicyReply } from '../policy/verdicts.ts';
import { generateSupportId } from '../records/generate-support-id.ts';
import { buildViolationRecord, type TFindingSubject } from './build-violation-record.ts';
import type { TSessionPolicy } from './session-policy.ts';

export interface TEnforceOptions {
  // Before HELO/EHLO (refusals in place of the greeting): no enhanced status code, as
  // RFC 2034 3 offers them only to a client that said EHLO.
  isBeforeHelo?: boolean;
  // Nothing can be answered (commands pipelined behind STARTTLS, dropped unanswered):
  // the record says no reply was sent, whatever the action.
  isSilent?: boolean;
}

/** Records the finding as the profile says; returns the reply when the profile blocks it. */
export function enforceFinding(
  policy: TSessionPolicy,
  finding: TViolationFound,
  subject: TFindingSubject,
  options: TEnforceOptions = {},
): TPolicyReply | null {
  const action = policy.profile.decisions[finding.violation];
  if (action === 'skip') return null;

  const supportId = generateSupportId();
  const isRefused = isBlocking(action);
  const reply = isRefused && !options.isSilent
    ? toPolicyReply(BLOCK_REPLIES[finding.violation], supportId, !options.isBeforeHelo)
    : null;
  const replyLine = reply ? `${reply.code} ${reply.text}` : '';
  const { records, traffic } = policy.profile;

  const record = { policy, finding, subject, supportId, action, reply: replyLine };
  records.recordViolation(buildViolationRecord(record));
  records.addTraffic(traffic, { alarmed: isAlarming(action) ? 1 : 0, blocked: isRefused ? 1 : 0 });
  const fields = { violation: finding.violation, action, supportId, detail: finding.detail };
  policy.logger().info(fields, 'violation');

  return reply;
}

/** A check that could not decide: 451, nothing recorded (the client did nothing wrong). */
export function temporaryReply(failure: TTemporaryFailure, policy: TSessionPolicy): TPolicyReply {
  policy.logger().info({ reason: failure.temporary, detail: failure.detail }, 'check deferred');

  return toPolicyReply(TEMPORARY_REPLIES[failure.temporary], null, true);
}

export function toPolicyReply(
  reply: TBlockReply,
  supportId: string | null,
  withEnhanced: boolean,
): TPolicyReply {
  const enhanced = withEnhanced ? `${reply.enhanced} ` : '';
  const reference = supportId ? ` (Support ID: ${supportId})` : '';

  const text = `${enhanced}${reply.text}${reference}`;

  return { code: reply.code, text, isClosing: isClosingReply(reply) };
}
