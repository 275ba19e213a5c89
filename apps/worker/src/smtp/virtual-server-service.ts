import type net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { REPLY_TABLE } from '../policy/reply-table.ts';
import { createSessionHandlers, type TSessionHandlerOptions } from './session-handlers.ts';
import { buildSmtpOptions } from './smtp-options.ts';

export type TVirtualServerServiceOptions = TSessionHandlerOptions;

/**
 * The SMTP service of one virtual server: an smtp-server instance that never
 * listens itself (the listeners hand it connections) with the session handlers.
 * A changed virtual server gets a new service; sessions in flight finish on the
 * old one.
 */
export class VirtualServerService {
  readonly name: string;
  private readonly server: SMTPServer;

  constructor(options: TVirtualServerServiceOptions) {
    const { virtualServer, securityProfile, hostname, logger } = options;
    this.name = virtualServer.name;
    this.server = new SMTPServer({
      ...buildSmtpOptions(virtualServer, securityProfile, hostname),
      ...createSessionHandlers(options),
    });
    // Socket errors of clients; smtp-server has already closed the session.
    this.server.on('error', (error: Error) => logger.debug({ err: error }, 'session error'));
  }

  accept(socket: net.Socket, id: string): void {
    this.server.connect(socket, { id });
  }

  get sessionCount(): number {
    return this.server.connections.size;
  }

  /** Ends every session with 421 (RFC 5321 3.8); smtp-server then closes them. */
  shutdown(): void {
    const { code, enhanced, text } = REPLY_TABLE.worker_stopping;
    for (const connection of this.server.connections) connection.send(code, `${enhanced} ${text}`);
  }
}
