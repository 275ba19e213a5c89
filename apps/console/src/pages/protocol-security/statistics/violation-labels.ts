import { VIOLATIONS, type TViolationActionTaken } from '@portcullis/contracts';
import { violationLabel } from '../security-profiles/check-catalog.ts';

export const ACTION_LABELS: Record<TViolationActionTaken, string> = {
  ALARM: 'Alarm',
  BLOCK: 'Block',
  ALARM_BLOCK: 'Alarm and Block',
};

/** A recorded violation's name as the console shows it; unknown names as recorded. */
export function recordedViolationLabel(violation: string): string {
  return violation in VIOLATIONS ? violationLabel(violation as keyof typeof VIOLATIONS) : violation;
}
