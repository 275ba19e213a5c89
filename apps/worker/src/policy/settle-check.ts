// Turns what a check of @portcullis/policy returned into the phase's verdict.
import {
  isTemporaryFailure,
  type TCheckResult,
} from '@portcullis/policy';
import type { TFindingSubject } from '../protection/build-violation-record.ts';
import {
  enforceFinding,
  temporaryReply,
  type TEnforceOptions,
} from '../protection/enforce-finding.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import type { TPhaseVerdict } from './verdicts.ts';

/** Nothing found: continue. Undecided: 451. A violation: as the profile says. */
export function settleCheck(
  policy: TSessionPolicy,
  result: TCheckResult,
  subject: TFindingSubject,
  options: TEnforceOptions = {},
): TPhaseVerdict {
  if (result === null) return 'continue';
  if (isTemporaryFailure(result)) return temporaryReply(result, policy);

  return enforceFinding(policy, result, subject, options) ?? 'continue';
}
