import type {
  SMTPServerAddress,
  SMTPServerDataStream,
  SMTPServerOptions,
  SMTPServerSession,
} from 'smtp-server';
import type { TSnapshotSecurityProfile, TSnapshotVirtualServer } from '@portcullis/contracts';
import type { TLogger } from '../logging/create-logger.ts';
import { admitClient, releaseSlot } from '../policy/admit-client.ts';
import { decideConnect } from '../policy/decide-connect.ts';
import { refusalError } from '../policy/reply-table.ts';
import { whenDecided } from '../policy/run-phase-checks.ts';
import type { TRefusal } from '../policy/verdicts.ts';
import type { TProfilePolicy } from '../protection/profile-policy.ts';
import { sessionPolicyOf } from '../protection/session-policy.ts';
import type { TRecordSink } from '../records/record-sink.ts';
import type { TTrafficKey } from '../records/traffic-aggregator.ts';
import type { PoolRuntime } from '../relay/pools/pool-runtime.ts';
import { RelaySession } from '../relay/relay-session.ts';
import { handleData } from './data-handler.ts';
import { checkFault, refuse } from './session-replies.ts';
import { lazyChildLogger, type TSessionState } from './session-state.ts';
import { handleMailFrom, handleRcptTo } from './transaction-handlers.ts';

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

    const openRelay = () => {
      state.relay = new RelaySession({
        pool,
        snatPool: options.virtualServer.snatPool,
        heloName: options.hostname,
        client: { address: session.remoteAddress, helo: '' },
        logger,
      });
    };
    if (!policy?.plan.isAdmissionChecked) {
      openRelay();
      return callback();
    }

    whenDecided(
      () => admitClient(policy),
      (admission) => {
        if (admission !== 'continue') return callback(refuse(state, admission, false));

        openRelay();
        callback();
      },
      (error) => callback(checkFault(state, error)),
    );
  };

  const onMailFrom = (address: SMTPServerAddress, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    if (!state?.relay) return cb(refusalError('backend_lost'));

    handleMailFrom(state, state.relay, address, session, cb);
  };

  const onRcptTo = (address: SMTPServerAddress, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    if (!state?.relay) return cb(refusalError('backend_lost'));

    handleRcptTo(state, state.relay, address, cb);
  };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, cb: TCallback) => {
    handleData(options, sessions.get(session), stream, session, cb);
  };

  const onClose = (session: SMTPServerSession): void => {
    const state = sessions.get(session);
    if (!state) return;

    sessions.delete(session);
    void state.relay?.close();
    const policy = state.context.policy;
    if (policy) {
      policy.isClosed = true;
      releaseSlot(policy);
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
