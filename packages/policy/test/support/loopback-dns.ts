// A DNS server on 127.0.0.1 (UDP, an ephemeral port) answering from a zone held in memory,
// so the DNS-based checks run against real packets and no real DNS. A name can also be
// made to stay silent (the client times out) or to answer SERVFAIL.
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import { createDnsResolver, type DnsResolver } from '@portcullis/spf';

export interface TZoneRecords {
  A?: string[];
  AAAA?: string[];
  MX?: Array<{ exchange: string; preference: number }>;
  TXT?: string[];
  PTR?: string[];
}

export type TZone = Record<string, TZoneRecords | 'silent' | 'servfail'>;

export interface TLoopbackDns {
  address: string;
  /** A resolver aimed at this server only: one try, timeoutMs per try. */
  resolver(timeoutMs?: number): DnsResolver;
  setZone(zone: TZone): void;
  close(): Promise<void>;
}

const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

export async function startLoopbackDns(zone: TZone): Promise<TLoopbackDns> {
  let current = lowerCaseNames(zone);
  const socket = dgram.createSocket('udp4');

  socket.on('message', (message, remote) => {
    const reply = answer(current, message);
    if (reply) socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${socket.address().port}`;

  return {
    address,
    resolver: (timeoutMs = 300) => createDnsResolver({ servers: [address], timeoutMs, tries: 1 }),
    setZone: (next) => {
      current = lowerCaseNames(next);
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

function lowerCaseNames(zone: TZone): TZone {
  return Object.fromEntries(Object.entries(zone).map(([name, data]) => [name.toLowerCase(), data]));
}

function answer(zone: TZone, message: Buffer): Buffer | null {
  const query = dnsPacket.decode(message);
  const question = query.questions?.[0];
  if (!question) return null;

  const data = zone[question.name.toLowerCase()];
  if (data === 'silent') return null;

  const rcode = data === undefined ? RCODE_NXDOMAIN : data === 'servfail' ? RCODE_SERVFAIL : 0;
  const answers = typeof data === 'object' ? toAnswers(question.name, question.type, data) : [];

  return dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
    questions: [question],
    answers,
  });
}

function toAnswers(name: string, type: string, data: TZoneRecords): dnsPacket.Answer[] {
  const base = { name, ttl: 60, class: 'IN' as const };

  switch (type) {
    case 'A':
      return (data.A ?? []).map((value) => ({ ...base, type: 'A', data: value }));
    case 'AAAA':
      return (data.AAAA ?? []).map((value) => ({ ...base, type: 'AAAA', data: value }));
    case 'MX':
      return (data.MX ?? []).map((value) => ({ ...base, type: 'MX', data: value }));
    case 'TXT':
      return (data.TXT ?? []).map((value) => ({ ...base, type: 'TXT', data: value }));
    case 'PTR':
      return (data.PTR ?? []).map((value) => ({ ...base, type: 'PTR', data: value }));
    default:
      return [];
  }
}
