import type net from 'node:net';
import type { TSnapshotSecurityProfile, TSnapshotVirtualServer } from '@portcullis/contracts';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { TLogger } from '../logging/create-logger.ts';
import { decideConnect } from '../policy/decide-connect.ts';
import { decideData } from '../policy/decide-data.ts';
import { decideMail } from '../policy/decide-mail.ts';
import { decideRcpt } from '../policy/decide-rcpt.ts';
import { refusalError } from '../policy/reply-table.ts';
import type { TRefusal } from '../policy/verdicts.ts';
import { buildReceivedHeader } from '../relay/build-received-header.ts';
import type { PoolRuntime } from '../relay/pools/pool-runtime.ts';
import { RelaySession, type TRelayOutcome } from '../relay/relay-session.ts';
import { isPositive, mirroredError, mirroredText } from './reply-errors.ts';
import { lazyChildLogger, type TSessionState } from './session-state.ts';
import { buildSmtpOptions } from './smtp-options.ts';

type TCallback = (error?: Error | null, message?: string) => void;

export interface TVirtualServerServiceOptions {
  virtualServer: TSnapshotVirtualServer;
  securityProfile: TSnapshotSecurityProfile | null;
  getPool(name: string): PoolRuntime | null;
  hostname: string;
  logger: TLogger;
}

/**
 * The SMTP service of one virtual server: an smtp-server instance that never
 * listens itself (the listeners hand it connections) and the handlers that run
 * each phase's verdict and relay what passes. A changed virtual server gets a new
 * service; sessions in flight finish on the old one.
 */
export class VirtualServerService {
  readonly name: string;
  readonly options: TVirtualServerServiceOptions;
  private readonly server: SMTPServer;
  private readonly sessions = new WeakMap<SMTPServerSession, TSessionState>();

  constructor(options: TVirtualServerServiceOptions) {
    this.name = options.virtualServer.name;
    this.options = options;
    this.server = new SMTPServer({
      ...buildSmtpOptions(options.virtualServer, options.securityProfile, options.hostname),
      onConnect: (session, callback) => this.onConnect(session, callback),
      onMailFrom: (address, session, callback) => this.onMailFrom(address, session, callback),
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
      onClose: (session) => this.onClose(session),
    });
    this.server.on('error', (error: Error) => this.options.logger.debug({ err: error }, 'session error'));
  }

  accept(socket: net.Socket, id: string): void {
    this.server.connect(socket, { id });
  }

  get sessionCount(): number {
    return this.server.connections.size;
  }

  /** Ends every session with 421 (RFC 5321 3.8) and drops what does not leave. */
  shutdown(): void {
    for (const connection of this.server.connections) {
      connection.send(421, '4.3.2 Service shutting down, try again later');
    }
  }

  private onConnect(session: SMTPServerSession, callback: TCallback): void {
    const pool = this.options.virtualServer.pool ? this.options.getPool(this.options.virtualServer.pool) : null;
    const logger = lazyChildLogger(this.options.logger, { cid: session.id });
    const state: TSessionState = {
      logger,
      context: {
        virtualServer: this.options.virtualServer,
        securityProfile: this.options.securityProfile,
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
    this.sessions.set(session, state);

    const verdict = decideConnect(state.context);
    if (verdict !== 'continue') return callback(this.refuse(state, verdict, false));

    state.relay = new RelaySession({
      pool: pool as PoolRuntime,
      snatPool: this.options.virtualServer.snatPool,
      heloName: this.options.hostname,
      client: { address: session.remoteAddress, helo: '' },
      logger,
    });
    callback();
  }

  private onMailFrom(address: SMTPServerAddress, session: SMTPServerSession, callback: TCallback): void {
    const state = this.sessions.get(session);
    if (!state?.relay) return callback(refusalError('backend_lost'));

    const verdict = decideMail(state.context, address);
    if (verdict !== 'continue') return callback(this.refuse(state, verdict));

    const tid = `${session.id}.${session.transaction}`;
    state.relay.startTransaction(address, session.hostNameAppearsAs, tid).then(
      (outcome) => callback(this.answer(state, outcome)),
      (error: Error) => callback(this.fault(state, error)),
    );
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: TCallback): void {
    const state = this.sessions.get(session);
    if (!state?.relay) return callback(refusalError('backend_lost'));

    const verdict = decideRcpt(state.context, address);
    if (verdict !== 'continue') return callback(this.refuse(state, verdict));

    state.relay.addRecipient(address).then(
      (outcome) => {
        if (outcome.reply && isPositive(outcome.reply)) state.recipients += 1;
        callback(this.answer(state, outcome));
      },
      (error: Error) => callback(this.fault(state, error)),
    );
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: TCallback): void {
    const state = this.sessions.get(session);
    const verdict = state?.relay ? decideData(state.context) : 'backend_lost_in_data';
    if (!state?.relay || verdict !== 'continue') {
      // smtp-server answers once the client has sent the whole message.
      stream.resume();
      return callback(state ? this.refuse(state, verdict as TRefusal) : refusalError('backend_lost_in_data'));
    }

    const header = buildReceivedHeader({
      helo: session.hostNameAppearsAs,
      clientAddress: session.remoteAddress,
      gatewayName: this.options.hostname,
      protocol: session.transmissionType,
      id: `${session.id}.${session.transaction}`,
      recipient: session.envelope.rcptTo.length === 1 ? (session.envelope.rcptTo[0]?.address ?? null) : null,
    });

    state.relay.sendMessage(stream, header).then(
      (outcome) => {
        if (!outcome.reply || !isPositive(outcome.reply)) return callback(this.answer(state, outcome));

        state.messages += 1;
        state.bytes += stream.byteLength;
        callback(null, mirroredText(outcome.reply));
      },
      (error: Error) => callback(this.fault(state, error)),
    );
  }

  private onClose(session: SMTPServerSession): void {
    const state = this.sessions.get(session);
    if (!state) return;

    this.sessions.delete(session);
    void state.relay?.close();
    if (!this.options.logger.isLevelEnabled('info')) return;

    this.options.logger.info(
      {
        cid: session.id,
        client: session.remoteAddress,
        helo: session.hostNameAppearsAs || null,
        messages: state.messages,
        recipients: state.recipients,
        bytes: state.bytes,
        refusals: state.refusals,
        durationMs: Date.now() - state.startedAt,
      },
      'session closed',
    );
  }

  private answer(state: TSessionState, outcome: TRelayOutcome): Error | null {
    if (outcome.refusal) return this.refuse(state, outcome.refusal);
    if (isPositive(outcome.reply)) return null;

    return mirroredError(outcome.reply);
  }

  private refuse(state: TSessionState, refusal: TRefusal, withEnhanced = true): Error {
    state.refusals += 1;
    state.logger().info({ refusal }, 'refused');

    return refusalError(refusal, withEnhanced);
  }

  // A bug must cost the client a retry, never the process (STYLE: 421, no crash).
  private fault(state: TSessionState, error: Error): Error {
    state.logger().error({ err: error }, 'relay fault');

    return refusalError('backend_lost');
  }
}
