import type { SMTPServerAddress } from 'smtp-server';
import type { TLogger } from '../logging/create-logger.ts';
import type { TPolicyReply, TRefusal } from '../policy/verdicts.ts';
import { BackendConnection } from './backend/backend-connection.ts';
import { BACKEND_TIMEOUTS_MS } from './backend/backend-timeouts.ts';
import { replyText, type TSmtpReply } from './backend/parse-replies.ts';
import { sendXclient, type TClientIdentity } from './backend/send-xclient.ts';
import { formatMailCommand, formatRcptCommand } from './format-envelope.ts';
import type { TMessageFilter } from './message-filter.ts';
import type { MemberRuntime } from './pools/member-runtime.ts';
import { pickMember } from './pools/pick-member.ts';
import type { PoolRuntime } from './pools/pool-runtime.ts';
import { writeMessage, type TMessageSource } from './write-message.ts';

/** Either the member's own reply, mirrored to the client, or our refusal. */
export type TRelayOutcome =
  | { reply: TSmtpReply; refusal?: undefined }
  | { refusal: TRefusal | TPolicyReply; reply?: undefined };

export interface TRelaySessionOptions {
  pool: PoolRuntime;
  // Auto Map: connections are shared between client sessions. None: each session
  // keeps its own, introduced with XCLIENT where the member offers it.
  snatPool: 'NONE' | 'AUTOMAP';
  heloName: string;
  client: TClientIdentity;
  // The connection's logger, made on first use: most sessions never log.
  logger: () => TLogger;
}

interface TLease {
  member: MemberRuntime;
  connection: BackendConnection;
  isReused: boolean;
}

interface TTransaction extends TLease {
  // `<connection id>.<n>`, carried on every line logged about the transaction.
  tid: string;
}

/**
 * Relays the transactions of one client session to the members of a pool, one
 * SMTP command at a time, mirroring what the member answers. Operations run one
 * after another (close() waits for the one in flight), so a connection never has
 * two commands outstanding.
 */
export class RelaySession {
  private readonly options: TRelaySessionOptions;
  private readonly held = new Map<MemberRuntime, BackendConnection>();
  private transaction: TTransaction | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private isClosed = false;

  constructor(options: TRelaySessionOptions) {
    this.options = options;
  }

  /** MAIL FROM: picks a member, fails over to the next on connection trouble. */
  startTransaction(sender: SMTPServerAddress, helo: string, tid: string): Promise<TRelayOutcome> {
    return this.run(async () => {
      await this.abandonTransaction();
      this.options.client.helo = helo;

      const tried = new Set<MemberRuntime>();
      for (;;) {
        const member = pickMember(this.options.pool, tried, Date.now());
        if (!member) return { refusal: 'no_member_available' } as const;

        tried.add(member);
        const outcome = await this.tryMail(member, sender, tid);
        if (outcome) return outcome;
      }
    });
  }

  addRecipient(recipient: SMTPServerAddress): Promise<TRelayOutcome> {
    return this.run(async () => {
      const transaction = this.transaction;
      if (!transaction) return { refusal: 'backend_lost' } as const;

      try {
        const command = formatRcptCommand(recipient);
        const reply = await transaction.connection.command(command, BACKEND_TIMEOUTS_MS.rcpt);
        // A 421 would end the client's session if mirrored; it is the member's trouble.
        if (reply.code !== 421) return { reply };

        this.failTransaction(`RCPT answered ${reply.code} ${replyText(reply)}`);
      } catch (error) {
        this.failTransaction((error as Error).message);
      }

      return { refusal: 'backend_lost' } as const;
    });
  }

  /**
   * DATA: hands the message to the member and returns its verdict on it, or the
   * filter's refusal (the member's transaction is then dropped, never finished).
   */
  sendMessage(
    source: TMessageSource,
    header: Buffer,
    filter: TMessageFilter | null = null,
  ): Promise<TRelayOutcome> {
    return this.run(async () => {
      const transaction = this.transaction;
      this.transaction = null;
      if (!transaction) return drained(source, 'backend_lost_in_data');

      const { connection } = transaction;
      let reply: TSmtpReply;
      try {
        reply = await connection.command('DATA', BACKEND_TIMEOUTS_MS.dataStart);
        if (reply.code !== 354) {
          await this.release(transaction, true);
          source.resume();
          return { reply };
        }

        const written = await writeMessage(connection.socket, header, source, filter);
        if (written !== 'sent') {
          // Never finish a message the client did not finish: drop the connection.
          this.drop(transaction);
          if (written === 'refused' && filter?.refusal) return drained(source, filter.refusal);
          const isTooLarge = written === 'too_large';
          return drained(source, isTooLarge ? 'message_too_large' : 'backend_lost_in_data');
        }

        reply = await connection.readReply(BACKEND_TIMEOUTS_MS.dataEnd);
      } catch (error) {
        this.markFailed(transaction, (error as Error).message);
        return drained(source, 'backend_lost_in_data');
      }

      await this.release(transaction, false);

      return { reply };
    });
  }

  /** The message was refused before the member saw it: reset the member's transaction. */
  cancelTransaction(): Promise<void> {
    return this.run(() => this.abandonTransaction());
  }

  /** The client left: reset an open transaction and let go of every connection. */
  close(): Promise<void> {
    return this.run(async () => {
      this.isClosed = true;
      await this.abandonTransaction();
      for (const connection of this.held.values()) connection.quit();
      this.held.clear();
    });
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.tail.then(operation);
    this.tail = next.catch(() => undefined);

    return next;
  }

  private async tryMail(
    member: MemberRuntime,
    sender: SMTPServerAddress,
    tid: string,
  ): Promise<TRelayOutcome | null> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      let lease: TLease;
      try {
        lease = await this.acquire(member);
      } catch (error) {
        this.markDown(member, (error as Error).message, tid);
        return null;
      }

      try {
        const command = formatMailCommand(sender, lease.connection.capabilities);
        const reply = await lease.connection.command(command, BACKEND_TIMEOUTS_MS.command);
        if (reply.code === 421) {
          this.drop(lease);
          this.markDown(member, `MAIL answered ${reply.code} ${replyText(reply)}`, tid);
          return null;
        }
        if (reply.code < 200 || reply.code >= 300) {
          await this.release(lease, false);
          return { reply };
        }

        this.transaction = { ...lease, tid };

        return { reply };
      } catch (error) {
        this.drop(lease);
        // An idle connection the member has just timed out; a fresh one may well work.
        if (lease.isReused) continue;

        this.markDown(member, (error as Error).message, tid);
        return null;
      }
    }

    return null;
  }

  private async acquire(member: MemberRuntime): Promise<TLease> {
    const isShared = this.options.snatPool === 'AUTOMAP';
    const held = isShared ? member.takeIdle() : this.held.get(member);
    if (held && !held.isClosed) {
      member.active += 1;
      return { member, connection: held, isReused: true };
    }

    const connection = await BackendConnection.open(member, this.options.heloName);
    if (!isShared) {
      await this.introduceClient(connection);
      this.held.set(member, connection);
    }
    member.active += 1;

    return { member, connection, isReused: false };
  }

  private async introduceClient(connection: BackendConnection): Promise<void> {
    if (!connection.capabilities.xclient.has('ADDR')) return;

    try {
      const refusal = await sendXclient(connection, this.options.client, this.options.heloName);
      const member = connection.target;
      if (refusal) this.options.logger().warn({ member, refusal }, 'xclient refused');
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  /** Returns a healthy connection: RSET first if a transaction may be open on it. */
  private async release(lease: TLease, needsReset: boolean): Promise<void> {
    const { member, connection } = lease;
    member.active -= 1;

    if (needsReset && !connection.isClosed) {
      try {
        const reply = await connection.command('RSET', BACKEND_TIMEOUTS_MS.command);
        if (reply.code !== 250) connection.destroy();
      } catch {
        connection.destroy();
      }
    }

    if (this.options.snatPool === 'AUTOMAP') member.putIdle(connection);
    else if (connection.isClosed || this.isClosed) this.forget(lease);
  }

  private drop(lease: TLease): void {
    lease.member.active -= 1;
    lease.connection.destroy();
    this.forget(lease);
  }

  private forget(lease: TLease): void {
    if (this.held.get(lease.member) === lease.connection) this.held.delete(lease.member);
    if (this.isClosed) lease.connection.quit();
  }

  private async abandonTransaction(): Promise<void> {
    const transaction = this.transaction;
    this.transaction = null;
    if (transaction) await this.release(transaction, true);
  }

  private failTransaction(reason: string): void {
    const transaction = this.transaction;
    this.transaction = null;
    if (transaction) this.markFailed(transaction, reason);
  }

  private markFailed(transaction: TTransaction, reason: string): void {
    this.drop(transaction);
    this.markDown(transaction.member, reason, transaction.tid);
  }

  private markDown(member: MemberRuntime, reason: string, tid: string): void {
    member.markDown(reason);
    const fields = { tid, member: member.key, pool: this.options.pool.name, reason };
    this.options.logger().warn(fields, 'member failed, marked down');
  }
}

function drained(source: TMessageSource, refusal: TRefusal | TPolicyReply): TRelayOutcome {
  source.resume();

  return { refusal };
}
