import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface TCapturedMessage {
  mailFrom: string;
  rcptTo: string[];
  data: Buffer;
  clientAddress: string;
}

export interface TCaptureBackendOptions {
  host?: string;
  port?: number;
  // Recipients answered 550 5.1.1, as a real mail store does for unknown users.
  unknownRecipients?: string[];
}

export interface TCaptureBackend {
  host: string;
  port: number;
  messages: TCapturedMessage[];
  stop(): Promise<void>;
}

/**
 * A real SMTP server that keeps every message it accepts, for end-to-end tests
 * that check what a mail server behind the gateway received.
 */
export async function startCaptureBackend(options: TCaptureBackendOptions = {}): Promise<TCaptureBackend> {
  const host = options.host ?? '127.0.0.1';
  const unknown = new Set((options.unknownRecipients ?? []).map((r) => r.toLowerCase()));
  const messages: TCapturedMessage[] = [];

  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!unknown.has(address.address.toLowerCase())) return callback();

      const error = Object.assign(new Error('5.1.1 <' + address.address + '>: user unknown'), {
        responseCode: 550,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks),
          clientAddress: session.remoteAddress,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host,
    port,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
