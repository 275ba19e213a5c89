// The command checks of a protected virtual server, in order, on one command line just
// before smtp-server runs it. A finding the profile only alarms on is recorded and the
// next check runs; the first one it blocks ends the inspection with its reply.
import type { TCommandFacts } from '../../policy/compliance/command-facts.ts';
import type {
  TCommandCheck,
  TCommandCheckContext,
} from '../../policy/compliance/plan-command-checks.ts';
import type { TPolicyReply } from '../../policy/verdicts.ts';
import { enforceFinding } from '../../protection/enforce-finding.ts';
import type { TSessionPolicy } from '../../protection/session-policy.ts';

export function inspectCommand(
  policy: TSessionPolicy,
  facts: TCommandFacts,
  checks: TCommandCheck[],
  context: TCommandCheckContext,
): TPolicyReply | null {
  for (const check of checks) {
    const finding = check(facts, context);
    // The line as the client wrote it (UTF-8 shown as such), set by the inspector.
    const subject = { command: policy.currentCommand };
    const reply = finding ? enforceFinding(policy, finding, subject) : null;
    if (reply) return reply;
  }

  return null;
}
