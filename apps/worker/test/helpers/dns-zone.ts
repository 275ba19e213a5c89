import type { TZone } from './loopback-dns.ts';

/** The names the checks' tests send mail from, served by the loopback DNS server. */
export const TEST_ZONE: TZone = {
  // A proper sender: MX, and SPF that allows every loopback client.
  'sender.example': {
    MX: [{ exchange: 'mx.sender.example', preference: 10 }],
    TXT: ['v=spf1 ip4:127.0.0.0/8 -all'],
  },
  'mx.sender.example': { A: ['192.0.2.10'] },
  'fail.example': { A: ['192.0.2.1'], TXT: ['v=spf1 -all'] },
  'soft.example': { A: ['192.0.2.1'], TXT: ['v=spf1 ~all'] },
  // RFC 7208 4.5: two SPF records are a permerror.
  'perm.example': { A: ['192.0.2.1'], TXT: ['v=spf1 -all', 'v=spf1 +all'] },
  'temp.example': 'servfail',
  'slow.example': 'silent',
  // RFC 7505: a null MX takes no mail.
  'nullmx.example': { MX: [{ exchange: '', preference: 0 }] },
  // The HELO name checked for the null sender (RFC 7208 2.3).
  'badhelo.example': { A: ['192.0.2.1'], TXT: ['v=spf1 -all'] },
  'goodhelo.example': { A: ['127.0.0.1'], TXT: ['v=spf1 a -all'] },
  // The reverse name of client 127.0.0.3.
  '3.0.0.127.in-addr.arpa': { PTR: ['host.dynamic.example'] },
};
