// What the checks keep per client session: the profile, who the client is, the transcript
// and the state one transaction carries from MAIL to the end of its data.
import type { TConnectionSlot, TSpfOutcome } from '@portcullis/policy';
import type { SMTPServerSession } from 'smtp-server';
import type { TLogger } from '../logging/create-logger.ts';
import type { TCheckPlan } from '../policy/plan-checks.ts';
import type { TPolicyReply } from '../policy/verdicts.ts';
import type { TProfilePolicy } from './profile-policy.ts';
import { createTranscript, type TTranscript } from './transcript.ts';

export interface TTransactionPolicy {
  // MAIL's SPF verdict: greylisting may skip a pass, the message carries Received-SPF.
  spf: TSpfOutcome | null;
  // A refusal found before the data arrived (content pipelined before the 354).
  dataRefusal: TPolicyReply | null;
}

export interface TSessionPolicy {
  readonly profile: TProfilePolicy;
  // Which checks run at each phase (planned once per profile).
  readonly plan: TCheckPlan;
  readonly session: SMTPServerSession;
  readonly client: { address: string; port: number };
  readonly transcript: TTranscript;
  readonly logger: () => TLogger;
  // The concurrency slot this connection holds, released when it closes.
  slot: TConnectionSlot | null;
  slotRenewedAt: number;
  // The connection is gone: a slot that arrives now is given back at once.
  isClosed: boolean;
  transaction: TTransactionPolicy;
  // Commands refused for breaking the protocol; too many end the session.
  protocolRefusals: number;
  // The command line being handled, as the client sent it, for the records.
  currentCommand: string;
  // Alarm-only findings recorded so far, by violation (see enforce-finding.ts); made on
  // the first, as most sessions have none.
  alarmRecords: Map<string, number> | null;
}

export function createSessionPolicy(
  profile: TProfilePolicy,
  plan: TCheckPlan,
  session: SMTPServerSession,
  client: { address: string; port: number },
  logger: () => TLogger,
): TSessionPolicy {
  return {
    profile,
    plan,
    session,
    client,
    transcript: createTranscript(),
    logger,
    slot: null,
    slotRenewedAt: 0,
    isClosed: false,
    transaction: newTransaction(),
    protocolRefusals: 0,
    currentCommand: '',
    alarmRecords: null,
  };
}

export function newTransaction(): TTransactionPolicy {
  return { spf: null, dataRefusal: null };
}

// The session policy rides on smtp-server's session object (made with the connection,
// kept for its life) rather than in a WeakMap: one property, nothing for the GC to track.
const SESSION_POLICY = Symbol('portcullis.sessionPolicy');

type TCarrier = SMTPServerSession & { [SESSION_POLICY]?: TSessionPolicy };

export function attachSessionPolicy(session: SMTPServerSession, policy: TSessionPolicy): void {
  (session as TCarrier)[SESSION_POLICY] = policy;
}

export function sessionPolicyOf(session: SMTPServerSession): TSessionPolicy | null {
  return (session as TCarrier)[SESSION_POLICY] ?? null;
}
