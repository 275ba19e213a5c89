// A DNS server on 127.0.0.1 (UDP and TCP on one ephemeral port) whose answers come from a
// function, so tests can serve zones, SERVFAIL, truncation or silence on purpose.
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';

export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export interface DnsReply {
  rcode?: Rcode;
  answers?: dnsPacket.Answer[];
  /** Over UDP, answer with the TC bit and no records, so the client must ask over TCP. */
  isTruncated?: boolean;
}

export interface DnsQuestion {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
  /** Whether the query carried an EDNS0 OPT record. */
  hasEdns: boolean;
}

/** Returns the reply, or 'silent' to send nothing at all (a timeout for the client). */
export type DnsHandler = (question: DnsQuestion) => DnsReply | 'silent';

export interface LoopbackDnsServer {
  /** '127.0.0.1:<port>', ready for a resolver's `servers`. */
  address: string;
  port: number;
  questions: DnsQuestion[];
  setHandler(handler: DnsHandler): void;
  close(): Promise<void>;
}

const RCODE_VALUES: Record<Rcode, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};
const CLASSIC_UDP_LIMIT_OCTETS = 512;
const BIND_ATTEMPTS = 20;

export async function startLoopbackDnsServer(handler: DnsHandler): Promise<LoopbackDnsServer> {
  const state = { handler, questions: [] as DnsQuestion[] };
  const answer: Answerer = (message, transport) => buildReply(state, message, transport);

  for (let attempt = 0; attempt < BIND_ATTEMPTS; attempt += 1) {
    const udp = await bindUdp(answer);
    const port = udp.address().port;
    const tcp = await listenTcp(port, answer).catch(() => undefined);
    if (!tcp) {
      udp.close();
      continue;
    }

    return {
      address: `127.0.0.1:${port}`,
      port,
      questions: state.questions,
      setHandler: (next) => {
        state.handler = next;
      },
      close: () => closeBoth(udp, tcp),
    };
  }

  throw new Error('no free port for the loopback DNS server');
}

interface ServerState {
  handler: DnsHandler;
  questions: DnsQuestion[];
}

function buildReply(state: ServerState, message: Buffer, transport: 'udp' | 'tcp') {
  let query: dnsPacket.DecodedPacket;
  try {
    query = dnsPacket.decode(message);
  } catch {
    return undefined;
  }

  const question = query.questions?.[0];
  if (!question) return undefined;

  const hasEdns = query.additionals?.some((record) => record.type === 'OPT') ?? false;
  const asked: DnsQuestion = { name: question.name, type: question.type, transport, hasEdns };
  state.questions.push(asked);

  const reply = state.handler(asked);
  if (reply === 'silent') return undefined;

  const isCutShort = transport === 'udp' && reply.isTruncated === true;
  const answers = isCutShort ? [] : (reply.answers ?? []);
  const flags =
    dnsPacket.RECURSION_DESIRED |
    dnsPacket.RECURSION_AVAILABLE |
    (isCutShort ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    RCODE_VALUES[reply.rcode ?? 'NOERROR'];

  const encoded = dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags,
    questions: [question],
    answers,
  });
  if (transport === 'tcp' || encoded.length <= udpLimit(query)) return encoded;

  // Too long for the client's UDP buffer: RFC 2181 section 9, set TC and send what fits (none).
  return dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: flags | dnsPacket.TRUNCATED_RESPONSE,
    questions: [question],
  });
}

function udpLimit(query: dnsPacket.DecodedPacket): number {
  const opt = query.additionals?.find((record) => record.type === 'OPT');
  const advertised = opt && 'udpPayloadSize' in opt ? opt.udpPayloadSize : 0;

  return Math.max(CLASSIC_UDP_LIMIT_OCTETS, advertised);
}

type Answerer = (message: Buffer, transport: 'udp' | 'tcp') => Buffer | undefined;

function bindUdp(answer: Answerer): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.on('message', (message, remote) => {
      const reply = answer(message, 'udp');
      if (reply) socket.send(reply, remote.port, remote.address);
    });
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve(socket));
  });
}

interface TcpListener {
  server: net.Server;
  connections: Set<net.Socket>;
}

function listenTcp(port: number, answer: Answerer): Promise<TcpListener> {
  const connections = new Set<net.Socket>();

  return new Promise((resolve, reject) => {
    const server = net.createServer((connection) => {
      connections.add(connection);
      connection.on('close', () => connections.delete(connection));
      serveTcpConnection(connection, answer);
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, connections }));
  });
}

function serveTcpConnection(connection: net.Socket, answer: Answerer): void {
  let pending = Buffer.alloc(0);

  connection.on('error', () => connection.destroy());
  connection.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);

    while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
      const length = pending.readUInt16BE(0);
      const reply = answer(pending.subarray(2, 2 + length), 'tcp');
      pending = pending.subarray(2 + length);
      if (!reply) continue;

      const framed = Buffer.alloc(2 + reply.length);
      framed.writeUInt16BE(reply.length, 0);
      reply.copy(framed, 2);
      connection.write(framed);
    }
  });
}

async function closeBoth(udp: dgram.Socket, tcp: TcpListener): Promise<void> {
  await new Promise<void>((resolve) => udp.close(() => resolve()));
  for (const connection of tcp.connections) connection.destroy();
  await new Promise<void>((resolve) => tcp.server.close(() => resolve()));
}
