/// <reference path="./types/dns-packet-header.d.ts" />
/// <reference path="./types/mailauth-spf-verify.d.ts" />
// @portcullis/spf: RFC 7208 SPF checks on mailauth's engine, with a DNS stub resolver of our own.
export {
  createDnsResolver,
  type DnsResolver,
  type DnsResolverOptions,
} from './dns/create-dns-resolver.ts';
export { DnsError, DNS_ERROR_CODES, isVoidAnswer, type DnsErrorCode } from './dns/dns-error.ts';
export type { DnsRecordShapes, DnsRecordType, MxRecord } from './dns/dns-records.ts';
export { checkSpf, SpfInputError, type CheckSpfInput } from './spf/check-spf.ts';
export type { SpfCheckResult, SpfResultCode } from './spf/spf-result.ts';
