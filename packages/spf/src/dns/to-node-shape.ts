// Converts dns-packet records into the values node:dns resolves with.
import type dnsPacket from 'dns-packet';
import type { DnsRecordShapes, DnsRecordType } from './dns-records.ts';

/**
 * TXT strings are read one octet to one character, as node:dns does, so that bytes outside
 * ASCII stay visible to the caller (RFC 7208 section 3.1 makes them an SPF syntax error).
 */
function toText(data: unknown): string {
  return Buffer.isBuffer(data) ? data.toString('latin1') : String(data);
}

/** The root name comes back as '.', which node:dns gives as '' (a null MX, RFC 7505). */
function toName(name: string): string {
  return name === '.' ? '' : name;
}

export function toNodeShape<T extends DnsRecordType>(
  type: T,
  records: dnsPacket.Answer[],
): DnsRecordShapes[T] {
  if (type === 'TXT') {
    const texts = records.map((record) => {
      const data = (record as dnsPacket.TxtAnswer).data;

      return Array.isArray(data) ? data.map(toText) : [toText(data)];
    });

    return texts as DnsRecordShapes[T];
  }

  if (type === 'MX') {
    const exchanges = records.map((record) => {
      const data = (record as dnsPacket.MxAnswer).data;

      return { exchange: toName(data.exchange), priority: data.preference ?? 0 };
    });

    return exchanges as DnsRecordShapes[T];
  }

  const values = records.map((record) => ('data' in record ? toName(String(record.data)) : ''));

  return values as DnsRecordShapes[T];
}
