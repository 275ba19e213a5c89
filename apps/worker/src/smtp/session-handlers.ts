import type {
  SMTPServerAddress,
  SMTPServerDataStream,
  SMTPServerOptions,
  SMTPServerSession,
} from 'smtp-server';
import type { TSnapshotSecurityProfile, TSnapshotVirtualServer } from '@portcullis/contracts';
import type { TLogger } from '../logging/create-logger.ts';
import { decideConnect } from '../policy/decide-connect.ts';
import { decideData } from '../policy/decide-data.ts';
import { decideMail } from '../policy/decide-mail.ts';
import { decideRcpt } from '../policy/decide-rcpt.ts';
import { refusalError, type TSmtpError } from '../policy/reply-table.ts';
import type { TRefusal } from '../policy/verdicts.ts';
import { buildReceivedHeader } from '../relay/build-received-header.ts';
import type { PoolRuntime } from '../relay/pools/pool-runtime.ts';
import { RelaySession, type TRelayOutcome } from '../relay/relay-session.ts';
import { isPositive, mirroredError, mirroredText } from './reply-errors.ts';
import { lazyChildLogger, type TSessionState } from './session-state.ts';

type TCallback = (error?: Error | null, message?: string) => void;
type THandlers = Required<
  Pick<SMTPServerOptions, 'onConnect' | 'onMailFrom' | 'onRcptTo' | 'onData' | 'onClose'>
>;

export interface TSessionHandlerOptions {
  virtualServer: TSnapshotVirtualServer;
  securityProfile: TSnapshotSecurityProfile | null;
  getPool(name: string): PoolRuntime | null;
  hostname: string;
  logger: TLogger;
}

/**
 * The smtp-server handlers of one virtual server. Each phase first asks its policy
 * module for a verdict (src/policy), then relays what passes and answers with the
 * member's reply or with the reply table's.
 */
export function createSessionHandlers(options: TSessionHandlerOptions): THandlers {
  const sessions = new WeakMap<SMTPServerSession, TSessionState>();

  const refuse = (state: TSessionState, refusal: TRefusal, withEnhanced = true): TSmtpError => {
    state.refusals += 1;
    state.logger().info({ refusal }, 'refused');

    return refusalError(refusal, withEnhanced);
  };

  const answer = (state: TSessionState, outcome: TRelayOutcome): Error | null => {
    if (outcome.refusal) return refuse(state, outcome.refusal);
    if (isPositive(outcome.reply)) return null;

    return mirroredError(outcome.reply);
  };

  // A bug must cost the client a retry, never the process (STYLE: no crash).
  const fault = (state: TSessionState, error: Error): TSmtpError => {
    state.logger().error({ err: error }, 'relay fault');

    return refusalError('backend_lost');
  };

  const onConnect = (session: SMTPServerSession, callback: TCallback): void => {
    const poolName = options.virtualServer.pool;
    const pool = poolName ? options.getPool(poolName) : null;
    const logger = lazyChildLogger(options.logger, { cid: session.id });
    const state: TSessionState = {
      logger,
      context: {
        virtualServer: options.virtualServer,
        securityProfile: options.securityProfile,
        hasPool: pool !== null,
        session,
      },
      relay: null,
      startedAt: Date.now(),
      messages: 0,
      recipients: 0,
      bytes: 0,
      refusals: 0,
    };
    sessions.set(session, state);

    // RFC 2034 3: no enhanced status code before the client has seen EHLO.
    const verdict = decideConnect(state.context);
    if (verdict !== 'continue' || !pool) return callback(refuse(state, verdict as TRefusal, false));

    state.relay = new RelaySession({
      pool,
      snatPool: options.virtualServer.snatPool,
      heloName: options.hostname,
      client: { address: session.remoteAddress, helo: '' },
      logger,
    });
    callback();
  };

  const onMailFrom = (address: SMTPServerAddress, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    if (!state?.relay) return cb(refusalError('backend_lost'));

    const verdict = decideMail(state.context, address);
    if (verdict !== 'continue') return cb(refuse(state, verdict));

    const tid = `${session.id}.${session.transaction}`;
    state.relay.startTransaction(address, session.hostNameAppearsAs, tid).then(
      (outcome) => cb(answer(state, outcome)),
      (error: Error) => cb(fault(state, error)),
    );
  };

  const onRcptTo = (address: SMTPServerAddress, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    if (!state?.relay) return cb(refusalError('backend_lost'));

    const verdict = decideRcpt(state.context, address);
    if (verdict !== 'continue') return cb(refuse(state, verdict));

    state.relay.addRecipient(address).then(
      (outcome) => {
        if (outcome.reply && isPositive(outcome.reply)) state.recipients += 1;
        cb(answer(state, outcome));
      },
      (error: Error) => cb(fault(state, error)),
    );
  };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, cb: TCallback) => {
    const state = sessions.get(session);
    const relay = state?.relay;
    const verdict = state && relay ? decideData(state.context) : 'backend_lost_in_data';
    if (!state || !relay || verdict !== 'continue') {
      // smtp-server answers once the client has sent the whole message.
      stream.resume();
      const refusal = verdict === 'continue' ? 'backend_lost_in_data' : verdict;
      return cb(state ? refuse(state, refusal) : refusalError(refusal));
    }

    const recipients = session.envelope.rcptTo;
    const header = buildReceivedHeader({
      helo: session.hostNameAppearsAs,
      clientAddress: session.remoteAddress,
      gatewayName: options.hostname,
      protocol: session.transmissionType,
      id: `${session.id}.${session.transaction}`,
      recipient: recipients.length === 1 ? (recipients[0]?.address ?? null) : null,
    });

    relay.sendMessage(stream, header).then(
      (outcome) => {
        if (!outcome.reply || !isPositive(outcome.reply)) return cb(answer(state, outcome));

        state.messages += 1;
        state.bytes += stream.byteLength;
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
