import type {
  SMTPServerAddress,
  SMTPServerDataStream,
  SMTPServerOptions,
  SMTPServerSession,
} from 'smtp-server';
import type { TSnapshotSecurityProfile, TSnapshotVirtualServer } from '@portcullis/contracts';
import type { TLogger } from '../logging/create-logger.ts';
import { admitClient, releaseSlot, renewSlotIfDue } from '../policy/admit-client.ts';
import { decideConnect } from '../policy/decide-connect.ts';
import { decideMail } from '../policy/decide-mail.ts';
import { decideRcpt } from '../policy/decide-rcpt.ts';
import { judgeRcptReply } from '../policy/judge-member-reply.ts';
import { refusalError } from '../policy/reply-table.ts';
import type { TPhaseVerdict, TRefusal } from '../policy/verdicts.ts';
import { createMessageInspector } from '../protection/create-message-inspector.ts';
import type { TProfilePolicy } from '../protection/profile-policy.ts';
import {
  newTransaction,
  sessionPolicyOf,
  type TSessionPolicy,
} from '../protection/session-policy.ts';
import type { TRecordSink } from '../records/record-sink.ts';
import type { TTrafficKey } from '../records/traffic-aggregator.ts';
import { buildMessageHeader } from '../relay/build-message-header.ts';
import type { PoolRuntime } from '../relay/pools/pool-runtime.ts';
import { RelaySession } from '../relay/relay-session.ts';
import { isPositive, mirroredText } from './reply-errors.ts';
import { answer, fault, refuse } from './session-replies.ts';
import { lazyChildLogger, type TSessionState } from './session-state.ts';

type TCallback = (error?: Error | null, message?: string) => void;
type THandlers = Required<
  Pick<SMTPServerOptions, 'onConnect' | 'onMailFrom' | 'onRcptTo' | 'onData' | 'onClose'>
>;

export interface TSessionHandlerOptions {
  virtualServer: TSnapshotVirtualServer;
  securityProfile: TSnapshotSecurityProfile | null;
  // The security profile resolved for this virtual server; null: Protocol Security off.
  policy: TProfilePolicy | null;
  records: TRecordSink;
  traffic: TTrafficKey;
  getPool(name: string): PoolRuntime | null;
  hostname: string;
  logger: TLogger;
}

/**
 * The smtp-server handlers of one virtual server. Each phase first asks its policy
 * module for a verdict (src/policy) when Protocol Security is on, then relays what
 * passes and answers with the member's reply or with the reply table's.
 */
export function createSessionHandlers(options: TSessionHandlerOptions): THandlers {
  const sessions = new WeakMap<SMTPServerSession, TSessionState>();
  const { records, traffic } = options;

  // A bug in a check costs the client a retry, never the process.
  const checkFault = (state: TSessionState, error: Error) => {
    state.logger().error({ err: error }, 'check fault');

    return refusalError('local_fault');
  };

  // Runs the phase's planned checks (protected sessions with any), then `go` when they pass.
  const afterChecks = (
    state: TSessionState,
    checks: Promise<TPhaseVerdict> | null,
    cb: TCallback,
    go: () => void,
  ) => {
    if (!checks) return go();

    checks.then(
      (verdict) => (verdict === 'continue' ? go() : cb(refuse(state, verdict))),
      (error: Error) => cb(checkFault(state, error)),
    );
  };

  const onConnect = (session: SMTPServerSession, callback: TCallback): void => {
    const poolName = options.virtualServer.pool;
    const pool = poolName ? options.getPool(poolName) : null;
    // Made with the connection, before the greeting (see virtual-server-service.ts).
    const policy = sessionPolicyOf(session);
    const logger = policy?.logger ?? lazyChildLogger(options.logger, { cid: session.id });
    const state: TSessionState = {
      logger,
      context: {
        virtualServer: options.virtualServer,
        securityProfile: options.securityProfile,
        hasPool: pool !== null,
        session,
        policy,
      },
      relay: null,
      startedAt: Date.now(),
      messages: 0,
      recipients: 0,
      bytes: 0,
      refusals: 0,
    };
    sessions.set(session, state);
    records.addTraffic(traffic, { connections: 1 });

    // RFC 2034 3: no enhanced status code before the client has seen EHLO.
    const verdict = decideConnect(state.context);
    if (verdict !== 'continue' || !pool) return callback(refuse(state, verdict as TRefusal, false));

    const open = () => {
      state.relay = new RelaySession({
        pool,
        snatPool: options.virtualServer.snatPool,
        heloName: options.hostname,
        client: { address: session.remoteAddress, helo: '' },
        logger,
      });
      callback();
    };
    if (!policy?.plan.isAdmissionChecked) return open();

    admitClient(policy).then(
      (admission) => (admission === 'continue' ? open() : callback(refuse(state, admission, false))),
      (error: Error) => callback(checkFault(state, error)),
    );
  };

  const onMailFrom = (address: SMTPServerAddress, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    const relay = state?.relay;
    if (!state || !relay) return cb(refusalError('backend_lost'));

    const policy = state.context.policy;
    if (policy) {
      policy.transaction = newTransaction();
      renewSlotIfDue(policy);
    }
    const mailChecks = policy?.plan.mail;
    const checks = mailChecks?.length ? decideMail(policy as TSessionPolicy, mailChecks, address) : null;
    const tid = `${session.id}.${session.transaction}`;

    afterChecks(state, checks, cb, () => {
      relay.startTransaction(address, session.hostNameAppearsAs, tid).then(
        (outcome) => cb(answer(state, outcome)),
        (error: Error) => cb(fault(state, error)),
      );
    });
  };

  const onRcptTo = (address: SMTPServerAddress, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    const relay = state?.relay;
    if (!state || !relay) return cb(refusalError('backend_lost'));

    const policy = state.context.policy;
    const rcptChecks = policy?.plan.rcpt;
    const checks = rcptChecks?.length ? decideRcpt(policy as TSessionPolicy, rcptChecks, address) : null;
    const countsHarvest = policy?.plan.isHarvestCounted === true;

    afterChecks(state, checks, cb, () => {
      relay.addRecipient(address).then(
        async (outcome) => {
          if (outcome.reply && isPositive(outcome.reply)) state.recipients += 1;
          // A member's "no such user" counts towards the client's harvest limit.
          const isJudged = countsHarvest && policy && outcome.reply;
          const verdict = isJudged ? await judgeRcptReply(policy, outcome.reply) : 'continue';
          cb(verdict === 'continue' ? answer(state, outcome) : refuse(state, verdict));
        },
        (error: Error) => cb(fault(state, error)),
      );
    });
  };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    const relay = state?.relay;
    if (!state || !relay) {
      // smtp-server answers once the client has sent the whole message.
      stream.resume();
      return cb(state ? refuse(state, 'backend_lost_in_data') : refusalError('backend_lost_in_data'));
    }

    const policy = state.context.policy;
    const filter = policy ? createMessageInspector(policy) : null;
    const header = buildMessageHeader(session, options.hostname, policy?.transaction.spf ?? null);

    relay.sendMessage(stream, header, filter).then(
      (outcome) => {
        policy?.transcript.add('C', `<message data, ${stream.byteLength} octets>`);
        if (!outcome.reply || !isPositive(outcome.reply)) return cb(answer(state, outcome));

        const recipients = session.envelope.rcptTo.length;
        state.messages += 1;
        state.bytes += stream.byteLength;
        records.addTraffic(traffic, { messages: 1, bytes: stream.byteLength, recipients });
        cb(null, mirroredText(outcome.reply));
      },
      (error: Error) => cb(fault(state, error)),
    );
  };

  const onClose = (session: SMTPServerSession): void => {
    const state = sessions.get(session);
    if (!state) return;

    sessions.delete(session);
    void state.relay?.close();
    const policy = state.context.policy;
    if (policy) {
      policy.isClosed = true;
      void releaseSlot(policy);
    }
    if (!options.logger.isLevelEnabled('info')) return;

    const summary = {
      cid: session.id,
      client: session.remoteAddress,
      helo: session.hostNameAppearsAs || null,
      messages: state.messages,
      recipients: state.recipients,
      bytes: state.bytes,
      refusals: state.refusals,
      durationMs: Date.now() - state.startedAt,
    };
    options.logger.info(summary, 'session closed');
  };

  return { onConnect, onMailFrom, onRcptTo, onData, onClose };
}
