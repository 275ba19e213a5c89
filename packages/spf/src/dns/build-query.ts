// Encodes one question. We ask for recursion (we are a stub) and advertise an EDNS0 buffer of
// 1232 octets (RFC 6891; the size DNS Flag Day 2020 settled on) so long TXT sets fit in UDP.
import { randomInt } from 'node:crypto';
import dnsPacket from 'dns-packet';
import type { DnsRecordType } from './dns-records.ts';

const EDNS_UDP_PAYLOAD_OCTETS = 1232;

export interface BuiltQuery {
  id: number;
  message: Buffer;
}

export function buildQuery(name: string, type: DnsRecordType, hasEdns: boolean): BuiltQuery {
  // A random id (RFC 5452 section 9.2) together with the random source port of a fresh socket.
  const id = randomInt(0, 0x10000);

  const message = dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals: hasEdns
      ? [
          {
            type: 'OPT',
            name: '.',
            udpPayloadSize: EDNS_UDP_PAYLOAD_OCTETS,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: 0,
            flag_do: false,
            options: [],
          },
        ]
      : [],
  });

  return { id, message };
}
