// The record types the resolver answers, and the shapes node:dns gives them.

export type DnsRecordType = 'A' | 'AAAA' | 'TXT' | 'MX' | 'PTR' | 'CNAME' | 'NS';

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface DnsRecordShapes {
  A: string[];
  AAAA: string[];
  TXT: string[][];
  MX: MxRecord[];
  PTR: string[];
  CNAME: string[];
  NS: string[];
}

/** node:dns names its errors after the c-ares call, e.g. `queryTxt ENOTFOUND example.com`. */
export const SYSCALL_BY_TYPE: Record<DnsRecordType, string> = {
  A: 'queryA',
  AAAA: 'queryAaaa',
  TXT: 'queryTxt',
  MX: 'queryMx',
  PTR: 'queryPtr',
  CNAME: 'queryCname',
  NS: 'queryNs',
};

export function isDnsRecordType(type: string): type is DnsRecordType {
  return Object.hasOwn(SYSCALL_BY_TYPE, type);
}
