/**
 * A DNS server on 127.0.0.1 (UDP, an ephemeral port) answering from a zone held in memory,
 * so the DNS-based checks run against real packets and never real DNS. Names may also stay
 * silent (the client times out). Packets are built by hand (RFC 1035 4.1): the worker has
 * no DNS library of its own, and the few record types the checks ask for are simple.
 */
import dgram from 'node:dgram';
import net from 'node:net';

export interface TZoneRecords {
  A?: string[];
  AAAA?: string[];
  MX?: Array<{ exchange: string; preference: number }>;
  TXT?: string[];
  PTR?: string[];
}

export type TZone = Record<string, TZoneRecords | 'silent' | 'servfail'>;

export interface TLoopbackDns {
  // "127.0.0.1:port", as snapshot.dns.resolvers takes it.
  address: string;
  queries: number;
  setZone(zone: TZone): void;
  close(): Promise<void>;
}

// RFC 1035 3.2.2 and RFC 3596 2.1: the type numbers of the records served.
const TYPES: Record<number, keyof TZoneRecords> = {
  1: 'A',
  28: 'AAAA',
  15: 'MX',
  16: 'TXT',
  12: 'PTR',
};
const CLASS_IN = 1;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

export async function startLoopbackDns(zone: TZone): Promise<TLoopbackDns> {
  let current = lowerCaseNames(zone);
  const socket = dgram.createSocket('udp4');
  const server: TLoopbackDns = {
    address: '',
    queries: 0,
    setZone: (next) => {
      current = lowerCaseNames(next);
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };

  socket.on('message', (message, remote) => {
    server.queries += 1;
    const reply = answer(current, message);
    if (reply) socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  server.address = `127.0.0.1:${socket.address().port}`;

  return server;
}

function lowerCaseNames(zone: TZone): TZone {
  return Object.fromEntries(Object.entries(zone).map(([name, data]) => [name.toLowerCase(), data]));
}

function answer(zone: TZone, query: Buffer): Buffer | null {
  const question = readQuestion(query);
  if (!question) return null;

  const data = zone[question.name];
  if (data === 'silent') return null;

  const rcode = data === undefined ? RCODE_NXDOMAIN : data === 'servfail' ? RCODE_SERVFAIL : 0;
  const type = TYPES[question.type];
  const records = typeof data === 'object' && type ? encodeRecords(type, data) : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, opcode 0, RD as asked, RA; then the rcode.
  header.writeUInt16BE(0x8000 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);

  const answers = records.map((rdata) => {
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // a pointer to the question's name
    fixed.writeUInt16BE(question.type, 2);
    fixed.writeUInt16BE(CLASS_IN, 4);
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(rdata.length, 10);

    return Buffer.concat([fixed, rdata]);
  });

  return Buffer.concat([header, question.bytes, ...answers]);
}

function readQuestion(query: Buffer): { name: string; type: number; bytes: Buffer } | null {
  if (query.length < 17 || query.readUInt16BE(4) < 1) return null;

  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset] as number;
    labels.push(query.toString('latin1', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  if (offset + 5 > query.length) return null;

  const type = query.readUInt16BE(offset + 1);

  return { name: labels.join('.').toLowerCase(), type, bytes: query.subarray(12, offset + 5) };
}

function encodeRecords(type: keyof TZoneRecords, data: TZoneRecords): Buffer[] {
  switch (type) {
    case 'A':
      return (data.A ?? []).map((address) => Buffer.from(address.split('.').map(Number)));
    case 'AAAA':
      return (data.AAAA ?? []).map(encodeIpv6);
    case 'MX':
      return (data.MX ?? []).map(({ exchange, preference }) => {
        const head = Buffer.alloc(2);
        head.writeUInt16BE(preference, 0);

        return Buffer.concat([head, encodeName(exchange)]);
      });
    case 'TXT':
      return (data.TXT ?? []).map(encodeText);
    case 'PTR':
      return (data.PTR ?? []).map(encodeName);
  }
}

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  const parts = labels.map((label) => {
    return Buffer.concat([Buffer.from([label.length]), Buffer.from(label)]);
  });

  return Buffer.concat([...parts, Buffer.from([0])]);
}

// A TXT record of more than 255 octets is several character-strings.
function encodeText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length || parts.length === 0; start += 255) {
    const piece = bytes.subarray(start, start + 255);
    parts.push(Buffer.from([piece.length]), piece);
  }

  return Buffer.concat(parts);
}

function encodeIpv6(address: string): Buffer {
  const socketAddress = new net.SocketAddress({ address, family: 'ipv6' });
  const [head = '', tail = ''] = socketAddress.address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const out = Buffer.alloc(16);
  groups.forEach((group, index) => out.writeUInt16BE(parseInt(group, 16), index * 2));

  return out;
}
