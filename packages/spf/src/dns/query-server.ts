// Asks one server one question: over UDP first, again over TCP when the answer is truncated
// (RFC 7766 section 5), and once more without EDNS when the server rejects it (RFC 6891 section 7).
import dnsPacket from 'dns-packet';
import { buildQuery } from './build-query.ts';
import type { DnsRecordType } from './dns-records.ts';
import { exchangeTcp } from './exchange-tcp.ts';
import { exchangeUdp, type ExchangeRequest } from './exchange-udp.ts';
import { isAnswerTo } from './is-answer-to.ts';
import type { DnsServerAddress } from './parse-server-address.ts';

export interface ServerQuery {
  server: DnsServerAddress;
  name: string;
  type: DnsRecordType;
  timeoutMs: number;
  syscall: string;
}

export async function queryServer(query: ServerQuery): Promise<dnsPacket.DecodedPacket> {
  const answer = await exchangeOnce(query, true);
  if (answer.rcode !== 'FORMERR') return answer;

  return exchangeOnce(query, false);
}

async function exchangeOnce(
  query: ServerQuery,
  hasEdns: boolean,
): Promise<dnsPacket.DecodedPacket> {
  const { id, message } = buildQuery(query.name, query.type, hasEdns);
  const request: ExchangeRequest = {
    server: query.server,
    query: message,
    timeoutMs: query.timeoutMs,
    syscall: query.syscall,
    hostname: query.name,
    isAnswer: (received) => isAnswerTo(received, id, query.name, query.type),
  };

  const udpAnswer = dnsPacket.decode(await exchangeUdp(request));
  if (!udpAnswer.flag_tc) return udpAnswer;

  return dnsPacket.decode(await exchangeTcp(request));
}
