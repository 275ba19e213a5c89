// MAIL and RCPT: the security profile's planned checks first (protected sessions only),
// then the relay to a member, whose reply the client gets. A session without checks goes
// straight to the relay: no promise or closure more than before Protocol Security existed;
// checks that answer at once (memory counters, cached DNS) add none either.
import type { SMTPServerAddress, SMTPServerSession } from 'smtp-server';
import { renewSlotIfDue } from '../policy/admit-client.ts';
import { decideMail } from '../policy/decide-mail.ts';
import { decideRcpt } from '../policy/decide-rcpt.ts';
import { judgeRcptReply } from '../policy/judge-member-reply.ts';
import { whenDecided } from '../policy/run-phase-checks.ts';
import { newTransaction } from '../protection/session-policy.ts';
import type { RelaySession } from '../relay/relay-session.ts';
import { isPositive } from './reply-errors.ts';
import { answer, checkFault, fault, refuse } from './session-replies.ts';
import type { TSessionState } from './session-state.ts';

type TCallback = (error?: Error | null, message?: string) => void;

export function handleMailFrom(
  state: TSessionState,
  relay: RelaySession,
  address: SMTPServerAddress,
  session: SMTPServerSession,
  cb: TCallback,
): void {
  const policy = state.context.policy;
  if (policy) {
    policy.transaction = newTransaction();
    renewSlotIfDue(policy);
  }
  if (!policy || policy.plan.mail.length === 0) {
    return relayMail(state, relay, address, session, cb);
  }

  whenDecided(
    () => decideMail(policy, policy.plan.mail, address),
    (verdict) => {
      if (verdict === 'continue') return relayMail(state, relay, address, session, cb);

      cb(refuse(state, verdict));
    },
    (error) => cb(checkFault(state, error)),
  );
}

export function handleRcptTo(
  state: TSessionState,
  relay: RelaySession,
  address: SMTPServerAddress,
  cb: TCallback,
): void {
  const policy = state.context.policy;
  if (!policy || policy.plan.rcpt.length === 0) return relayRcpt(state, relay, address, cb);

  whenDecided(
    () => decideRcpt(policy, policy.plan.rcpt, address),
    (verdict) => {
      if (verdict === 'continue') return relayRcpt(state, relay, address, cb);

      cb(refuse(state, verdict));
    },
    (error) => cb(checkFault(state, error)),
  );
}

function relayMail(
  state: TSessionState,
  relay: RelaySession,
  address: SMTPServerAddress,
  session: SMTPServerSession,
  cb: TCallback,
): void {
  const tid = `${session.id}.${session.transaction}`;

  relay.startTransaction(address, session.hostNameAppearsAs, tid).then(
    (outcome) => cb(answer(state, outcome)),
    (error: Error) => cb(fault(state, error)),
  );
}

function relayRcpt(
  state: TSessionState,
  relay: RelaySession,
  address: SMTPServerAddress,
  cb: TCallback,
): void {
  relay.addRecipient(address).then(
    (outcome) => {
      if (outcome.reply && isPositive(outcome.reply)) state.recipients += 1;
      const policy = state.context.policy;
      if (!policy?.plan.isHarvestCounted || !outcome.reply) return cb(answer(state, outcome));

      // A member's "no such user" counts towards the client's harvest limit.
      const reply = outcome.reply;
      whenDecided(
        () => judgeRcptReply(policy, reply),
        (verdict) => cb(verdict === 'continue' ? answer(state, outcome) : refuse(state, verdict)),
        (error) => cb(checkFault(state, error)),
      );
    },
    (error: Error) => cb(fault(state, error)),
  );
}
