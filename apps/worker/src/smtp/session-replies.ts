// How the handlers answer: a verdict's refusal, a member's reply mirrored, a bug as 451.
import { policyReplyError, refusalError, type TSmtpError } from '../policy/reply-table.ts';
import { isPolicyReply, type TPolicyReply, type TRefusal } from '../policy/verdicts.ts';
import type { TRelayOutcome } from '../relay/relay-session.ts';
import { isPositive, mirroredError } from './reply-errors.ts';
import type { TSessionState } from './session-state.ts';

export function refuse(
  state: TSessionState,
  refusal: TRefusal | TPolicyReply,
  withEnhanced = true,
): TSmtpError {
  state.refusals += 1;
  if (isPolicyReply(refusal)) return policyReplyError(refusal);

  state.logger().info({ refusal }, 'refused');

  return refusalError(refusal, withEnhanced);
}

export function answer(state: TSessionState, outcome: TRelayOutcome): Error | null {
  if (outcome.refusal) return refuse(state, outcome.refusal);
  if (isPositive(outcome.reply)) return null;

  return mirroredError(outcome.reply);
}

// A bug must cost the client a retry, never the process (STYLE: no crash).
export function fault(state: TSessionState, error: Error): TSmtpError {
  state.logger().error({ err: error }, 'relay fault');

  return refusalError('backend_lost');
}

// A bug in a check: 421, and the client retries later.
export function checkFault(state: TSessionState, error: Error): TSmtpError {
  state.logger().error({ err: error }, 'check fault');

  return refusalError('local_fault');
}
