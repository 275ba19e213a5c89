// Reads the records of the asked type out of an answer, following the CNAME chain the server
// put in it (RFC 1034 section 3.6.2), and turns error rcodes into node:dns-style errors.
import type dnsPacket from 'dns-packet';
import { DnsError, type DnsErrorCode } from './dns-error.ts';
import type { DnsRecordType } from './dns-records.ts';

/** Longest CNAME chain we follow; resolvers commonly stop around 8 to 16 links. */
export const MAX_CNAME_LINKS = 8;

export type AnswerReading =
  | { kind: 'records'; records: dnsPacket.Answer[] }
  /** The chain leaves the answer at `name`; the server did not chase it for us. */
  | { kind: 'alias'; name: string; links: number };

const ERROR_BY_RCODE: Record<string, DnsErrorCode> = {
  NXDOMAIN: 'ENOTFOUND',
  SERVFAIL: 'ESERVFAIL',
  REFUSED: 'EREFUSED',
  FORMERR: 'EFORMERR',
  NOTIMP: 'ENOTIMP',
};

export function readAnswer(
  packet: dnsPacket.DecodedPacket,
  name: string,
  type: DnsRecordType,
  syscall: string,
): AnswerReading {
  const rcode = packet.rcode ?? 'NOERROR';
  if (rcode !== 'NOERROR') throw new DnsError(ERROR_BY_RCODE[rcode] ?? 'EBADRESP', syscall, name);

  const answers = packet.answers ?? [];
  const isAt = (answer: dnsPacket.Answer, owner: string) =>
    answer.name.toLowerCase() === owner.toLowerCase();

  const visited = new Set<string>();
  let owner = name;

  for (let links = 0; links <= MAX_CNAME_LINKS; links += 1) {
    const records = answers.filter((answer) => answer.type === type && isAt(answer, owner));
    if (records.length > 0) return { kind: 'records', records };

    const alias = answers.find((answer) => answer.type === 'CNAME' && isAt(answer, owner));
    if (!alias) break;

    visited.add(owner.toLowerCase());
    owner = 'data' in alias ? String(alias.data) : '';
    if (visited.has(owner.toLowerCase())) throw new DnsError('EBADRESP', syscall, name);
  }

  if (owner.toLowerCase() === name.toLowerCase()) throw new DnsError('ENODATA', syscall, name);

  return { kind: 'alias', name: owner, links: visited.size };
}
