// A scripted ICAP peer on loopback for what c-icap never does on its own
// (silence, garbage, Max-Connections, a short Options-TTL, block pages without
// headers). It reads each request completely, answering 100 Continue after an
// open-ended preview, then writes whatever the test's handler returns.
import net from 'node:net';

export interface TScriptedRequest {
  method: string;
  head: string;
  body: Buffer;
  // 0 for the first scan request on its connection, 1 for the next, ...
  indexOnConnection: number;
}

export interface TScriptedServer {
  port: number;
  optionsRequests: number;
  maxOpenConnections: number;
  stop(): Promise<void>;
}

// A string to write, null to stay silent, or HANG_UP to close without a word.
export const HANG_UP = Symbol('hang up');
type THandler = (request: TScriptedRequest) => string | null | typeof HANG_UP;

export function OPTIONS_200(extra: string[] = []): string {
  const lines = ['ICAP/1.0 200 OK', 'Methods: RESPMOD', 'Preview: 1024', 'Allow: 204', ...extra];

  return `${[...lines, 'Encapsulated: null-body=0'].join('\r\n')}\r\n\r\n`;
}

export async function startScriptedServer(
  handler: THandler,
  options: { optionsReply?: string } = {},
): Promise<TScriptedServer> {
  const sockets = new Set<net.Socket>();
  const state = { port: 0, optionsRequests: 0, maxOpenConnections: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    state.maxOpenConnections = Math.max(state.maxOpenConnections, sockets.size);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    void serve(socket, handler, options.optionsReply ?? OPTIONS_200(), state);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as net.AddressInfo).port;

  return Object.assign(state, {
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

async function serve(
  socket: net.Socket,
  handler: THandler,
  optionsReply: string,
  state: { optionsRequests: number },
): Promise<void> {
  const reader = new SocketReader(socket);
  try {
    for (let indexOnConnection = 0; ; ) {
      const head = (await reader.until('\r\n\r\n')).toString('latin1');
      const method = head.split(' ')[0] ?? '';
      if (method === 'OPTIONS') {
        state.optionsRequests += 1;
        socket.write(optionsReply);
        continue;
      }

      const encapsulated = /Encapsulated: (.*)\r\n/i.exec(head)?.[1] ?? '';
      const bodyOffset = Number(/(?:req|res)-body=(\d+)/.exec(encapsulated)?.[1] ?? 0);
      await reader.exactly(bodyOffset);
      const hasPreview = /\r\nPreview:/i.test(head);
      let { data, isIeof } = await readChunks(reader);
      if (hasPreview && !isIeof) {
        socket.write('ICAP/1.0 100 Continue\r\n\r\n');
        const rest = await readChunks(reader);
        data = Buffer.concat([data, rest.data]);
      }

      const reply = handler({ method, head, body: data, indexOnConnection });
      indexOnConnection += 1;
      if (reply === HANG_UP) socket.destroy();
      else if (reply !== null) socket.write(reply);
    }
  } catch {
    socket.destroy();
  }
}

async function readChunks(reader: SocketReader): Promise<{ data: Buffer; isIeof: boolean }> {
  const pieces: Buffer[] = [];
  for (;;) {
    const line = (await reader.until('\r\n')).toString('latin1');
    const size = Number.parseInt(line, 16);
    if (size === 0) {
      await reader.until('\r\n');

      return { data: Buffer.concat(pieces), isIeof: line.includes('ieof') };
    }
    pieces.push(await reader.exactly(size));
    await reader.exactly(2);
  }
}

class SocketReader {
  private buffer = Buffer.alloc(0);
  private wake: (() => void) | null = null;
  private isClosed = false;

  constructor(socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.wake?.();
    });
    socket.on('close', () => {
      this.isClosed = true;
      this.wake?.();
    });
  }

  async until(delimiter: string): Promise<Buffer> {
    for (;;) {
      const index = this.buffer.indexOf(delimiter);
      if (index >= 0) return this.take(index + delimiter.length);

      await this.more();
    }
  }

  async exactly(length: number): Promise<Buffer> {
    while (this.buffer.length < length) await this.more();

    return this.take(length);
  }

  private take(length: number): Buffer {
    const out = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);

    return out;
  }

  private more(): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error('closed'));

    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }
}
