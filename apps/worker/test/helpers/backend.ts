import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface TReceivedMessage {
  mailFrom: string;
  rcptTo: string[];
  data: Buffer;
  clientAddress: string;
  helo: string;
  xclientAddr: string | null;
}

export interface TBackendOptions {
  // Recipients answered 550 5.1.1, as a real mail store does for unknown users.
  unknownRecipients?: string[];
  // Offer XCLIENT to the gateway, as Postfix does with smtpd_authorized_xclient_hosts.
  offersXclient?: boolean;
  // Count bytes and hash them instead of keeping the message (large message tests).
  isCountingOnly?: boolean;
  // Defaults to an ephemeral port.
  port?: number;
}

export interface TBackend {
  port: number;
  messages: TReceivedMessage[];
  connections: number;
  bytes: number;
  stop(): Promise<void>;
}

/** A real SMTP server standing in for a pool member. */
export async function startBackend(options: TBackendOptions = {}): Promise<TBackend> {
  const unknown = new Set(options.unknownRecipients ?? []);
  const backend: TBackend = {
    port: 0,
    messages: [],
    connections: 0,
    bytes: 0,
    stop: async () => undefined,
  };

  const serverOptions: SMTPServerOptions & { greetingDelayMs: number } = {
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 100,
    // The gateway's patch makes the greeting pause an option; backends need none.
    greetingDelayMs: 0,
    useXClient: options.offersXclient ?? false,
    onConnect(_session, callback) {
      backend.connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (!unknown.has(address.address)) return callback();

      const text = `5.1.1 <${address.address}>: Recipient address rejected: User unknown`;
      callback(Object.assign(new Error(text), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        backend.bytes += chunk.length;
        if (!options.isCountingOnly) chunks.push(chunk);
      });
      stream.on('end', () => {
        backend.messages.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks),
          clientAddress: session.remoteAddress,
          helo: session.hostNameAppearsAs,
          xclientAddr: (session.xClient.get('ADDR') as string | undefined) ?? null,
        });
        callback(null, '2.0.0 Ok: queued as TEST');
      });
    },
  };
  const server = new SMTPServer(serverOptions);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  backend.port = (server.server.address() as AddressInfo).port;
  backend.stop = () =>
    new Promise<void>((resolve) => {
      for (const connection of server.connections) connection.close();
      server.close(() => resolve());
    });

  return backend;
}
