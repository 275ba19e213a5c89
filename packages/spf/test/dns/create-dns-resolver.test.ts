import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type dnsPacket from 'dns-packet';
import { createDnsResolver, DnsError } from '../../src/index.ts';
import { readResolvConf } from '../../src/dns/read-resolv-conf.ts';
import {
  startLoopbackDnsServer,
  type DnsHandler,
  type DnsReply,
  type LoopbackDnsServer,
} from '../support/loopback-dns-server.ts';

const TIMEOUT_MS = 200;

/** A small zone: owner name → records; names absent from it are NXDOMAIN. */
const ZONE: Record<string, dnsPacket.Answer[]> = {
  'example.test': [
    { type: 'A', name: 'example.test', data: '192.0.2.1' },
    { type: 'A', name: 'example.test', data: '192.0.2.2' },
    { type: 'AAAA', name: 'example.test', data: '2001:db8::1' },
    { type: 'MX', name: 'example.test', data: { preference: 10, exchange: 'mx.example.test' } },
    { type: 'TXT', name: 'example.test', data: ['v=spf1 ', 'ip4:192.0.2.0/24 -all'] },
    { type: 'TXT', name: 'example.test', data: 'hello' },
  ],
  'null-mx.test': [{ type: 'MX', name: 'null-mx.test', data: { preference: 0, exchange: '.' } }],
  '1.2.0.192.in-addr.arpa': [{ type: 'PTR', name: '1.2.0.192.in-addr.arpa', data: 'example.test' }],
  'a b%"c.odd.test': [{ type: 'TXT', name: 'a b%"c.odd.test', data: 'odd names are fine' }],
};

function answerFromZone(name: string, type: string): DnsReply {
  const records = ZONE[name.toLowerCase()];
  if (!records) return { rcode: 'NXDOMAIN' };

  return { answers: records.filter((record) => record.type === type) };
}

describe('createDnsResolver', () => {
  let server: LoopbackDnsServer;
  const handle = (handler: DnsHandler) => server.setHandler(handler);
  const resolver = () =>
    createDnsResolver({ servers: [server.address], timeoutMs: TIMEOUT_MS, tries: 1 });

  before(async () => {
    server = await startLoopbackDnsServer(({ name, type }) => answerFromZone(name, type));
  });
  after(() => server.close());

  it('should return records in the shapes node:dns uses', async () => {
    handle(({ name, type }) => answerFromZone(name, type));
    const dns = resolver();

    assert.deepEqual((await dns.resolve4('example.test')).sort(), ['192.0.2.1', '192.0.2.2']);
    assert.deepEqual(await dns.resolve6('example.test'), ['2001:db8::1']);
    assert.deepEqual(await dns.resolveMx('example.test'), [
      { exchange: 'mx.example.test', priority: 10 },
    ]);
    assert.deepEqual(await dns.resolvePtr('1.2.0.192.in-addr.arpa'), ['example.test']);
    assert.deepEqual(await dns.resolve('example.test', 'TXT'), [
      ['v=spf1 ', 'ip4:192.0.2.0/24 -all'],
      ['hello'],
    ]);
  });

  it('should give a null MX an empty exchange, as node:dns does', async () => {
    handle(({ name, type }) => answerFromZone(name, type));

    assert.deepEqual(await resolver().resolveMx('null-mx.test'), [{ exchange: '', priority: 0 }]);
  });

  it('should throw ENOTFOUND for NXDOMAIN and ENODATA for an empty answer', async () => {
    handle(({ name, type }) => answerFromZone(name, type));
    const dns = resolver();

    await assert.rejects(dns.resolveTxt('missing.test'), { code: 'ENOTFOUND' });
    await assert.rejects(dns.resolvePtr('example.test'), { code: 'ENODATA' });
    await assert.rejects(dns.resolveTxt('missing.test'), (error) => error instanceof DnsError);
  });

  it('should throw ESERVFAIL, EREFUSED and ENOTIMP for those rcodes', async () => {
    const dns = resolver();

    handle(() => ({ rcode: 'SERVFAIL' }));
    await assert.rejects(dns.resolveTxt('example.test'), { code: 'ESERVFAIL' });
    handle(() => ({ rcode: 'REFUSED' }));
    await assert.rejects(dns.resolveTxt('example.test'), { code: 'EREFUSED' });
    handle(() => ({ rcode: 'NOTIMP' }));
    await assert.rejects(dns.resolveTxt('example.test'), { code: 'ENOTIMP' });
  });

  it('should give up with ETIMEOUT after timeoutMs × tries when the server is silent', async () => {
    handle(() => 'silent');
    const dns = createDnsResolver({ servers: [server.address], timeoutMs: TIMEOUT_MS, tries: 2 });
    const asked = server.questions.length;
    const started = performance.now();

    await assert.rejects(dns.resolveTxt('example.test'), { code: 'ETIMEOUT' });

    const elapsedMs = performance.now() - started;
    assert.ok(elapsedMs >= 2 * TIMEOUT_MS - 20, `gave up early: ${elapsedMs} ms`);
    assert.ok(elapsedMs < 2 * TIMEOUT_MS + 250, `took too long: ${elapsedMs} ms`);
    assert.equal(server.questions.length - asked, 2);
  });

  it('should take an answer that arrived while the process was stalled', async () => {
    handle(({ name, type }) => {
      // Once the reply is sent, hold the event loop past the client's deadline.
      setImmediate(() => {
        const until = performance.now() + TIMEOUT_MS + 150;
        while (performance.now() < until);
      });

      return answerFromZone(name, type);
    });

    assert.deepEqual(await resolver().resolve6('example.test'), ['2001:db8::1']);
  });

  it('should ask again over TCP when the UDP answer is truncated', async () => {
    handle(({ name, type }) => ({ ...answerFromZone(name, type), isTruncated: true }));
    const asked = server.questions.length;

    const records = await resolver().resolve4('example.test');

    assert.deepEqual(records.sort(), ['192.0.2.1', '192.0.2.2']);
    const transports = server.questions.slice(asked).map((question) => question.transport);
    assert.deepEqual(transports, ['udp', 'tcp']);
  });

  it('should fetch a TXT set too large for UDP over TCP', async () => {
    const strings = Array.from({ length: 12 }, (_, index) => `${index}`.padEnd(200, 'x'));
    // dns-packet turns the strings of `data` into Buffers in place: give it a copy.
    handle(({ name }) => ({ answers: [{ type: 'TXT', name, data: [...strings] }] }));

    const [record] = await resolver().resolveTxt('big.test');

    assert.deepEqual(record, strings);
    assert.equal(server.questions.at(-1)?.transport, 'tcp');
  });

  it('should follow a CNAME chain in the answer, and ask for its end when left there', async () => {
    const alias = (name: string, target: string): dnsPacket.Answer => ({
      type: 'CNAME',
      name,
      data: target,
    });
    handle(({ name, type }) => {
      if (name === 'www.example.test') {
        const chain = [alias(name, 'web.example.test'), alias('web.example.test', 'end.test')];

        return { answers: chain };
      }
      if (name === 'end.test' && type === 'A') {
        return { answers: [{ type: 'A', name, data: '192.0.2.9' }] };
      }

      return { rcode: 'NXDOMAIN' };
    });

    assert.deepEqual(await resolver().resolve4('www.example.test'), ['192.0.2.9']);
    assert.equal(server.questions.at(-1)?.name, 'end.test');
  });

  it('should report a CNAME loop as EBADRESP', async () => {
    handle(({ name }) => ({
      answers: [{ type: 'CNAME', name, data: name === 'a.test' ? 'b.test' : 'a.test' }],
    }));

    await assert.rejects(resolver().resolve4('a.test'), { code: 'EBADRESP' });
  });

  it('should look up names node:dns refuses, and refuse what cannot be encoded', async () => {
    handle(({ name, type }) => answerFromZone(name, type));
    const dns = resolver();
    const asked = server.questions.length;

    assert.deepEqual(await dns.resolveTxt('A B%"C.odd.test'), [['odd names are fine']]);
    await assert.rejects(dns.resolveTxt(`${'x'.repeat(64)}.test`), { code: 'EBADNAME' });
    await assert.rejects(dns.resolveTxt('empty..label.test'), { code: 'EBADNAME' });
    assert.equal(server.questions.length - asked, 1);
  });

  it('should move on to the next server when one is silent', async () => {
    const silent = await startLoopbackDnsServer(() => 'silent');
    handle(({ name, type }) => answerFromZone(name, type));

    try {
      const dns = createDnsResolver({
        servers: [silent.address, server.address],
        timeoutMs: TIMEOUT_MS,
        tries: 1,
      });

      assert.deepEqual(await dns.resolve6('example.test'), ['2001:db8::1']);
      assert.equal(silent.questions.length, 1);
    } finally {
      await silent.close();
    }
  });

  it('should prefer a server verdict to a silence when every server fails', async () => {
    const silent = await startLoopbackDnsServer(() => 'silent');
    handle(() => ({ rcode: 'SERVFAIL' }));

    try {
      const dns = createDnsResolver({
        servers: [server.address, silent.address],
        timeoutMs: TIMEOUT_MS,
        tries: 1,
      });

      await assert.rejects(dns.resolveTxt('example.test'), { code: 'ESERVFAIL' });
    } finally {
      await silent.close();
    }
  });

  it('should ask again without EDNS when the server answers FORMERR to it', async () => {
    handle(({ name, type, hasEdns }) =>
      hasEdns ? { rcode: 'FORMERR' } : answerFromZone(name, type),
    );
    const asked = server.questions.length;

    assert.deepEqual(await resolver().resolve6('example.test'), ['2001:db8::1']);
    const edns = server.questions.slice(asked).map((question) => question.hasEdns);
    assert.deepEqual(edns, [true, false]);
  });

  it('should throw ECONNREFUSED at once when nothing listens on the port', async () => {
    const closed = await startLoopbackDnsServer(() => 'silent');
    await closed.close();
    const dns = createDnsResolver({ servers: [closed.address], timeoutMs: 2000, tries: 1 });
    const started = performance.now();

    await assert.rejects(dns.resolveTxt('example.test'), { code: 'ECONNREFUSED' });
    assert.ok(performance.now() - started < 1000);
  });

  it('should read nameservers from resolv.conf', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'spf-resolv-'));
    const file = path.join(folder, 'resolv.conf');
    const lines = ['# comment', 'search x', 'nameserver 192.0.2.53', 'nameserver fe80::1%eth0'];
    writeFileSync(file, `${lines.join('\n')}\n`);

    assert.deepEqual(readResolvConf(file), ['192.0.2.53', 'fe80::1']);
    assert.deepEqual(readResolvConf(path.join(folder, 'absent')), []);
  });

  it('should accept ip:port and [ipv6]:port servers', () => {
    const dns = createDnsResolver({ servers: ['127.0.0.1:5353', '[::1]:5353', '192.0.2.53'] });

    assert.deepEqual(dns.getServers(), ['127.0.0.1:5353', '[::1]:5353', '192.0.2.53']);
  });
});
