// DATA on a virtual server that scans for viruses. The message is held (memory, then a
// temporary file) through the profile's data checks, scanned over ICAP, and only then sent
// to the member, whose reply the client gets: nothing reaches the member before the
// verdict, and "250" still means a member accepted the message.
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { holdMessage, type THoldOutcome } from '../antivirus/hold-message.ts';
import type { MessageHold } from '../antivirus/message-hold.ts';
import { judgeScan } from '../policy/judge-scan.ts';
import type { TRefusal } from '../policy/verdicts.ts';
import { createMessageInspector } from '../protection/create-message-inspector.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import { buildMessageHeader } from '../relay/build-message-header.ts';
import type { TMessageFilter } from '../relay/message-filter.ts';
import type { RelaySession, TRelayOutcome } from '../relay/relay-session.ts';
import { answerRelayed, type TCallback, type TDataHandlerOptions } from './answer-relayed.ts';
import { fault } from './session-replies.ts';
import type { TSessionState } from './session-state.ts';

export interface TScannedTransaction {
  state: TSessionState;
  relay: RelaySession;
  policy: TSessionPolicy;
}

// What the client hears when its message could not be held whole: the data checks' refusal
// comes with the filter; a client already gone hears nothing.
const HOLD_REFUSALS: Record<Exclude<THoldOutcome['kind'], 'held'>, TRefusal> = {
  refused: 'backend_lost_in_data',
  too_large: 'message_too_large',
  client_gone: 'backend_lost_in_data',
  hold_failed: 'local_fault',
};

/** Whether this message is scanned: the profile alarms on or blocks viruses, a server is set. */
export function isScanning(policy: TSessionPolicy): boolean {
  return policy.plan.isVirusScanned && policy.profile.antivirus.isConfigured;
}

export function handleScannedData(
  options: TDataHandlerOptions,
  transaction: TScannedTransaction,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  cb: TCallback,
): void {
  const { state, policy } = transaction;
  const hold = policy.profile.antivirus.createHold();

  holdScanAndRelay(options, transaction, stream, session, hold)
    .finally(() => hold.discard())
    .then(
      (outcome) => answerRelayed(options, state, session, outcome, stream.byteLength, cb),
      (error: Error) => cb(fault(state, error)),
    );
}

async function holdScanAndRelay(
  options: TDataHandlerOptions,
  { state, relay, policy }: TScannedTransaction,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  hold: MessageHold,
): Promise<TRelayOutcome> {
  const filter = createMessageInspector(policy);
  const held = await holdMessage(stream, filter, hold);
  policy.transcript.add('C', `<message data, ${stream.byteLength} octets>`);
  if (held.kind !== 'held') {
    if (held.kind === 'hold_failed') {
      state.logger().error({ err: held.error }, 'message hold failed');
    }
    await relay.cancelTransaction();

    return { refusal: refusalOf(held, filter) };
  }

  const result = await policy.profile.antivirus.scan(await hold.seal());
  // No result: the ICAP server was unset by a snapshot while the data came in.
  const verdict = result ? judgeScan(policy, result, hold.bytes) : 'continue';
  // A client that left during the scan has nobody to answer: nothing is relayed for it.
  const refusal = verdict === 'continue' && policy.isClosed ? 'backend_lost_in_data' : verdict;
  if (refusal !== 'continue') {
    await relay.cancelTransaction();

    return { refusal };
  }

  const header = buildMessageHeader(session, options.hostname, policy.transaction.spf);
  const body = hold.open();
  try {
    return await relay.sendMessage(body, header, null);
  } finally {
    body.destroy();
  }
}

function refusalOf(held: Exclude<THoldOutcome, { kind: 'held' }>, filter: TMessageFilter | null) {
  if (held.kind === 'refused' && filter?.refusal) return filter.refusal;

  return HOLD_REFUSALS[held.kind];
}
