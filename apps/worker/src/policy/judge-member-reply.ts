// After a member answered RCPT: a 550 5.1.1 names a mailbox that does not exist, which
// counts towards the client's harvest limit. Past the limit a blocking profile answers
// 421 in place of the member's 550 and closes the session.
import type { TMaybePromise } from '@portcullis/policy';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import type { TSmtpReply } from '../relay/backend/parse-replies.ts';
import { countUnknownRecipient } from './decide-rcpt.ts';
import type { TPhaseVerdict } from './verdicts.ts';

// RFC 3463 3.2: X.1.1 "bad destination mailbox address".
const NO_SUCH_MAILBOX = /^5\.1\.1(?: |$)/;

/** Only for profiles that alarm on or block directory_harvest (see plan-checks.ts). */
export function judgeRcptReply(
  policy: TSessionPolicy,
  reply: TSmtpReply,
): TMaybePromise<TPhaseVerdict> {
  if (reply.code !== 550 || !NO_SUCH_MAILBOX.test(reply.lines[0] ?? '')) return 'continue';

  return countUnknownRecipient(policy);
}
