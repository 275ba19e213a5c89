// Runs a phase's planned checks in order until one refuses. A check on the memory counter
// store or on cached data answers at once, so a phase whose checks all do costs no promise;
// the first check that waits (Redis, DNS) carries the rest on after its answer.
import { settleCheck } from './settle-check.ts';
import type { TCheckResult, TMaybePromise } from '@portcullis/policy';
import type { TFindingSubject } from '../protection/build-violation-record.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import type { TPhaseVerdict } from './verdicts.ts';

export type TPhaseCheck<TSubject> = (
  policy: TSessionPolicy,
  subject: TSubject,
) => TMaybePromise<TPhaseVerdict>;

export function runPhaseChecks<TSubject>(
  policy: TSessionPolicy,
  checks: ReadonlyArray<TPhaseCheck<TSubject>>,
  subject: TSubject,
  from = 0,
): TMaybePromise<TPhaseVerdict> {
  for (let index = from; index < checks.length; index += 1) {
    const answer = checks[index]!(policy, subject);
    if (answer instanceof Promise) {
      return answer.then((verdict) =>
        verdict === 'continue' ? runPhaseChecks(policy, checks, subject, index + 1) : verdict,
      );
    }
    if (answer !== 'continue') return answer;
  }

  return 'continue';
}

/** settleCheck on a check's result, now or when it arrives. */
export function settleWhenAnswered(
  policy: TSessionPolicy,
  result: TMaybePromise<TCheckResult>,
  subject: TFindingSubject,
): TMaybePromise<TPhaseVerdict> {
  if (result instanceof Promise) return result.then((found) => settleCheck(policy, found, subject));

  return settleCheck(policy, result, subject);
}

/**
 * Hands a verdict to `onVerdict` at once when there is one, or once it arrives; a check
 * that throws or rejects (a bug) goes to `onFault`.
 */
export function whenDecided(
  decide: () => TMaybePromise<TPhaseVerdict>,
  onVerdict: (verdict: TPhaseVerdict) => void,
  onFault: (error: Error) => void,
): void {
  let verdict: TMaybePromise<TPhaseVerdict>;
  try {
    verdict = decide();
  } catch (error) {
    return onFault(error as Error);
  }

  if (verdict instanceof Promise) return void verdict.then(onVerdict, onFault);

  onVerdict(verdict);
}
