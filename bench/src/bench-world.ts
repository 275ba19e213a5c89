// The names and the DNS the SMTP benchmark runs in: one sender domain whose SPF record
// passes loopback clients, and the HELO name smtp-source announces, resolvable for the
// checks that look it up. Every target sees the same envelope and the same DNS.
// The DNS server is the worker's test helper (packets built by hand, on 127.0.0.1).
import {
  startLoopbackDns,
  type TLoopbackDns,
} from '../../apps/worker/test/helpers/loopback-dns.ts';

export const BENCH_SENDER = 'bench@sender.example';
export const BENCH_RECIPIENT = 'rcpt@protected.example';
export const BENCH_HELO = 'mta.sender.example';

// RFC 7208 5.6: the whole loopback network may send for the domain and its HELO name.
const LOOPBACK_SPF = 'v=spf1 ip4:127.0.0.0/8 -all';

export function startBenchDns(): Promise<TLoopbackDns> {
  return startLoopbackDns({
    'sender.example': {
      MX: [{ exchange: 'mx.sender.example', preference: 10 }],
      TXT: [LOOPBACK_SPF],
    },
    'mx.sender.example': { A: ['127.0.0.1'] },
    [BENCH_HELO]: { A: ['127.0.0.1'], TXT: [LOOPBACK_SPF] },
    '1.0.0.127.in-addr.arpa': { PTR: [BENCH_HELO] },
  });
}
