import net from 'node:net';

export interface TReply {
  code: number;
  text: string;
}

/**
 * A plain SMTP client on a raw socket, so tests control every byte (and can send
 * what a well-behaved library would not).
 */
export class RawSmtpClient {
  readonly socket: net.Socket;
  private buffer = '';
  private lines: string[] = [];
  private readonly replies: TReply[] = [];
  private waiters: Array<(reply: TReply) => void> = [];
  isClosed = false;

  /** A client on a socket already connected, such as the TLS socket after STARTTLS. */
  static wrap(socket: net.Socket): RawSmtpClient {
    return new RawSmtpClient(socket);
  }

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk.toString('latin1')));
    socket.on('close', () => {
      this.isClosed = true;
      for (const waiter of this.waiters) waiter({ code: 0, text: 'closed' });
      this.waiters = [];
    });
    socket.on('error', () => undefined);
  }

  // localAddress: another loopback address (127.0.0.2, ...) is another client to the
  // gateway's counters.
  static connect(port: number, host = '127.0.0.1', localAddress?: string): Promise<RawSmtpClient> {
    return new Promise((resolve, reject) => {
      const options = { port, host, ...(localAddress ? { localAddress } : {}) };
      const socket = net.connect(options, () => resolve(new RawSmtpClient(socket)));
      socket.once('error', reject);
    });
  }

  read(): Promise<TReply> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    if (this.isClosed) return Promise.resolve({ code: 0, text: 'closed' });

    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The next reply, or null when none comes within `ms` (nothing is left waiting). */
  readWithin(ms: number): Promise<TReply | null> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);

    return new Promise((resolve) => {
      const waiter = (next: TReply) => {
        clearTimeout(timer);
        resolve(next);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        resolve(null);
      }, ms);
      this.waiters.push(waiter);
    });
  }

  async command(line: string): Promise<TReply> {
    this.socket.write(`${line}\r\n`);

    return this.read();
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.write(data)) resolve();
      else this.socket.once('drain', () => resolve());
    });
  }

  /** EHLO, MAIL, RCPT..., DATA, message (already dot-stuffed), end mark. Returns the last reply. */
  async sendMail(from: string, to: string[], message: string): Promise<TReply> {
    for (const line of [`MAIL FROM:<${from}>`, ...to.map((rcpt) => `RCPT TO:<${rcpt}>`)]) {
      const reply = await this.command(line);
      if (reply.code >= 400) return reply;
    }

    const data = await this.command('DATA');
    if (data.code !== 354) return data;

    this.socket.write(`${message}\r\n.\r\n`);

    return this.read();
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(text: string): void {
    this.buffer += text;
    let end = this.buffer.indexOf('\r\n');

    while (end !== -1) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.lines.push(line);
      if (line[3] !== '-') this.finishReply();

      end = this.buffer.indexOf('\r\n');
    }
  }

  private finishReply(): void {
    const code = Number(this.lines[0]?.slice(0, 3));
    const text = this.lines.map((line) => line.slice(4)).join('\n');
    this.lines = [];

    const reply = { code, text };
    const waiter = this.waiters.shift();
    if (waiter) waiter(reply);
    else this.replies.push(reply);
  }
}

/** Connects, reads the greeting and says EHLO. */
export async function openSession(
  port: number,
  helo = 'client.test',
  host = '127.0.0.1',
  localAddress?: string,
): Promise<RawSmtpClient> {
  const client = await RawSmtpClient.connect(port, host, localAddress);
  const greeting = await client.read();
  if (greeting.code !== 220) throw new Error(`greeting ${greeting.code} ${greeting.text}`);

  const ehlo = await client.command(`EHLO ${helo}`);
  if (ehlo.code !== 250) throw new Error(`EHLO ${ehlo.code} ${ehlo.text}`);

  return client;
}

/** One whole session carrying one small message; resolves the final reply code. */
export async function relayOne(port: number, subject: string, host?: string): Promise<number> {
  const client = await openSession(port, 'client.test', host);
  const message = `Subject: ${subject}\r\n\r\nbody`;
  const reply = await client.sendMail('s@example.com', ['r@example.org'], message);
  client.close();

  return reply.code;
}
