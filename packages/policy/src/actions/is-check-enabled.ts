// Lets callers skip a check's work (DNS lookups, counter updates) when the profile neither
// alarms on nor blocks any violation the check can find.
import {
  VIOLATION_NAMES,
  VIOLATIONS,
  type TViolation,
  type TViolationActions,
} from '@portcullis/contracts';
import { decideAction } from './decide-action.ts';

export type TCheckName = (typeof VIOLATIONS)[TViolation]['check'];

/** True when at least one of the violations has Alarm or Block set. */
export function isCheckEnabled(
  violations: TViolation | readonly TViolation[],
  actions: TViolationActions,
): boolean {
  const names: readonly TViolation[] = typeof violations === 'string' ? [violations] : violations;

  return names.some((violation) => decideAction(violation, actions) !== 'skip');
}

/** The violations a check can find, e.g. 'spf' → spf_fail, spf_softfail, .... */
export function violationsOfCheck(check: TCheckName): TViolation[] {
  return VIOLATION_NAMES.filter((violation) => VIOLATIONS[violation].check === check);
}
