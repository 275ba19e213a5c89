// Turns a profile's Alarm and Block flags for a violation into what the worker does.
import {
  DEFAULT_VIOLATION_ACTIONS,
  type TViolation,
  type TViolationActions,
  type TViolationActionTaken,
} from '@portcullis/contracts';

/** 'skip': neither flag is set, so the check is not run at all (see isCheckEnabled). */
export type TActionDecision = 'skip' | TViolationActionTaken;

export function decideAction(violation: TViolation, actions: TViolationActions): TActionDecision {
  // A snapshot from an older API may lack a newer violation: its default applies.
  const { alarm, block } = actions[violation] ?? DEFAULT_VIOLATION_ACTIONS[violation];

  if (alarm && block) return 'ALARM_BLOCK';
  if (block) return 'BLOCK';
  if (alarm) return 'ALARM';

  return 'skip';
}

/** Whether the worker must refuse: BLOCK or ALARM_BLOCK. */
export function isBlocking(decision: TActionDecision): boolean {
  return decision === 'BLOCK' || decision === 'ALARM_BLOCK';
}

/** Whether the worker must record a violation: ALARM or ALARM_BLOCK. */
export function isAlarming(decision: TActionDecision): boolean {
  return decision === 'ALARM' || decision === 'ALARM_BLOCK';
}
