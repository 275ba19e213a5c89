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

// An alarm-only finding a client can repeat at will (each pipelined NOOP after HELO, say)
// is recorded this many times per session, then only counted in the traffic statistics:
// one connection must not be able to write thousands of records. Blocks are bounded by
// the session's refusal limit instead.
export const ALARM_RECORDS_PER_VIOLATION = 5;
const LAST_RECORD_NOTE = 'the last record of this violation for the session; more are only counted';

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

  const isRefused = isBlocking(action);
  const { records, traffic } = policy.profile;
  const recordsLeft = isRefused ? Infinity : takeAlarmRecord(policy, finding.violation);
  if (recordsLeft < 0) {
    records.addTraffic(traffic, { alarmed: 1, blocked: 0 });
    return null;
  }

  const supportId = generateSupportId();
  const reply = isRefused && !options.isSilent
    ? toPolicyReply(BLOCK_REPLIES[finding.violation], supportId, !options.isBeforeHelo)
    : null;
  const replyLine = reply ? `${reply.code} ${reply.text}` : '';
  const detail = recordsLeft === 0 ? `${finding.detail}; ${LAST_RECORD_NOTE}` : finding.detail;

  const record = {
    policy, finding: { ...finding, detail }, subject, supportId, action, reply: replyLine,
  };
  records.recordViolation(buildViolationRecord(record));
  records.addTraffic(traffic, { alarmed: isAlarming(action) ? 1 : 0, blocked: isRefused ? 1 : 0 });
  const fields = { violation: finding.violation, action, supportId, detail: finding.detail };
  policy.logger().info(fields, 'violation');

  return reply;
}

// How many more alarms of the violation this session may record after this one; -1: none.
function takeAlarmRecord(policy: TSessionPolicy, violation: string): number {
  policy.alarmRecords ??= new Map();
  const recorded = policy.alarmRecords.get(violation) ?? 0;
  if (recorded >= ALARM_RECORDS_PER_VIOLATION) return -1;

  policy.alarmRecords.set(violation, recorded + 1);
  return ALARM_RECORDS_PER_VIOLATION - recorded - 1;
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
