import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from '@portcullis/contracts';
import {
  checkDisallowedSender,
  checkMessageSize,
  checkRecipientCount,
  checkRecipientDomain,
  checkSenderDomain,
  createSizeMeter,
  type TCheckResult,
} from '../../src/index.ts';
import { startLoopbackDns, type TLoopbackDns } from '../support/loopback-dns.ts';

const DEFAULTS = DEFAULT_SECURITY_PROFILE_SETTINGS.validation;

function summarize(result: TCheckResult): string {
  if (result === null) return 'pass';

  return 'violation' in result ? result.violation : `temporary:${result.temporary}`;
}

describe('createSizeMeter', () => {
  it('should count the bytes of each chunk and flag the first byte over the limit', () => {
    const meter = createSizeMeter({ ...DEFAULTS, maxMessageBytes: 2048 });

    assert.equal(meter.add(Buffer.alloc(1024)), null);
    assert.equal(meter.add(new Uint8Array(1024)), null, 'exactly at the limit');
    assert.equal(meter.add(Buffer.alloc(1))?.violation, 'message_too_large');
    assert.equal(meter.add(5)?.violation, 'message_too_large', 'and on every later chunk');
    assert.equal(meter.bytes, 2054);
  });

  it('should judge a declared size the same way', () => {
    assert.equal(checkMessageSize(DEFAULTS.maxMessageBytes, DEFAULTS), null);
    assert.match(checkMessageSize(DEFAULTS.maxMessageBytes + 1, DEFAULTS)?.detail ?? '', /limit/);
  });
});

describe('checkRecipientCount', () => {
  it('should pass up to maxRecipients and refuse the next', () => {
    const settings = { ...DEFAULTS, maxRecipients: 2 };

    assert.equal(checkRecipientCount(2, settings), null);
    assert.equal(checkRecipientCount(3, settings)?.violation, 'too_many_recipients');
  });
});

describe('checkRecipientDomain', () => {
  const settings = { ...DEFAULTS, protectedDomains: ['protected.example', '.corp.example'] };
  const cases: Array<[string, typeof settings, string, string]> = [
    ['any domain while the list is empty', DEFAULTS, 'a@anywhere.example', 'pass'],
    ['a protected domain', settings, 'a@protected.example', 'pass'],
    ['a protected domain in upper case with brackets', settings, '<A@PROTECTED.EXAMPLE>', 'pass'],
    ['a protected domain with a root dot', settings, 'a@protected.example.', 'pass'],
    ['a subdomain of a plain entry', settings, 'a@sub.protected.example', 'relay_denied'],
    ['a subdomain of a dotted entry', settings, 'a@eu.corp.example', 'pass'],
    ['the dotted entry itself', settings, 'a@corp.example', 'pass'],
    ['a lookalike suffix', settings, 'a@evilcorp.example', 'relay_denied'],
    ['another domain', settings, 'a@elsewhere.example', 'relay_denied'],
    ['a recipient without domain', settings, 'alice', 'relay_denied'],
    ['the bare postmaster', settings, '<Postmaster>', 'pass'],
  ];

  for (const [name, profile, recipient, expected] of cases) {
    it(`should judge ${name}`, () => {
      assert.equal(summarize(checkRecipientDomain(recipient, profile)), expected);
    });
  }
});

describe('DNS-based validation', () => {
  let dns: TLoopbackDns;

  before(async () => {
    dns = await startLoopbackDns({
      'mx.example': { MX: [{ exchange: 'mail.mx.example', preference: 10 }] },
      'a-only.example': { A: ['192.0.2.1'] },
      'aaaa-only.example': { AAAA: ['2001:db8::25'] },
      'txt-only.example': { TXT: ['hello'] },
      'null-mx.example': { MX: [{ exchange: '.', preference: 0 }] },
      'slow.example': 'silent',
      'broken.example': 'servfail',
      '9.2.0.192.in-addr.arpa': { PTR: ['host-9.dynamic.example'] },
      '10.2.0.192.in-addr.arpa': { PTR: ['mail.good.example'] },
      '11.2.0.192.in-addr.arpa': 'silent',
      '12.2.0.192.in-addr.arpa': 'servfail',
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': {
        PTR: ['Pool-7.DYNAMIC.example.'],
      },
    });
  });
  after(() => dns.close());

  describe('checkSenderDomain', () => {
    const cases: Array<[string, string | null, string]> = [
      ['a domain with an MX', 'a@mx.example', 'pass'],
      ['a domain with only an A record', 'a@A-Only.example', 'pass'],
      ['a domain with only an AAAA record', 'a@aaaa-only.example', 'pass'],
      ['a domain with neither', 'a@txt-only.example', 'sender_domain_unresolvable'],
      ['a domain that does not exist', 'a@nowhere.example', 'sender_domain_unresolvable'],
      ['a domain with a null MX (RFC 7505)', 'a@null-mx.example', 'sender_domain_unresolvable'],
      ['a DNS timeout', 'a@slow.example', 'temporary:dns_unavailable'],
      ['a SERVFAIL', 'a@broken.example', 'temporary:dns_unavailable'],
      ['the null sender', '', 'pass'],
      ['an address literal', 'a@[192.0.2.1]', 'pass'],
    ];

    for (const [name, sender, expected] of cases) {
      it(`should judge ${name}`, async () => {
        const result = await checkSenderDomain(sender, DEFAULTS, dns.resolver(200));

        assert.equal(summarize(result), expected);
      });
    }

    it('should skip the lookups when the profile does not require it', async () => {
      const settings = { ...DEFAULTS, requireResolvableSenderDomain: false };

      assert.equal(await checkSenderDomain('a@nowhere.example', settings, dns.resolver()), null);
    });
  });

  describe('checkDisallowedSender', () => {
    const settings = {
      ...DEFAULTS,
      disallowedSenders: [
        'Spammer@Bulk.example',
        '@junk.example',
        '@.sub.example',
        '203.0.113.0/24',
        '2001:db8:bad::/48',
        '.dynamic.example',
        '*.pool.example',
        'exact-host.example',
      ],
    };
    const cases: Array<[string, string, string | null, string]> = [
      ['a listed address, any case', '198.51.100.1', '<spammer@bulk.EXAMPLE>', 'disallowed_sender'],
      ['another address of that domain', '198.51.100.1', 'ham@bulk.example', 'pass'],
      ['a listed domain', '198.51.100.1', 'anyone@junk.example', 'disallowed_sender'],
      ['a subdomain of a plain @domain', '198.51.100.1', 'a@x.junk.example', 'pass'],
      ['a subdomain of a dotted @domain', '198.51.100.1', 'a@x.sub.example', 'disallowed_sender'],
      ['a listed IPv4 network', '203.0.113.77', 'a@mx.example', 'disallowed_sender'],
      ['a listed IPv4 network, null sender', '203.0.113.77', '', 'disallowed_sender'],
      ['a listed IPv6 network', '2001:db8:bad:1::9', 'a@mx.example', 'disallowed_sender'],
      ['a reverse name under a listed suffix', '192.0.2.9', 'a@mx.example', 'disallowed_sender'],
      ['a listed IPv6 reverse name', '2001:db8::1', 'a@mx.example', 'disallowed_sender'],
      ['a reverse name listed nowhere', '192.0.2.10', 'a@mx.example', 'pass'],
      ['no PTR record', '192.0.2.13', 'a@mx.example', 'pass'],
      ['a PTR lookup timing out', '192.0.2.11', 'a@mx.example', 'temporary:dns_unavailable'],
      ['a PTR SERVFAIL', '192.0.2.12', 'a@mx.example', 'temporary:dns_unavailable'],
    ];

    for (const [name, client, sender, expected] of cases) {
      it(`should judge ${name}`, async () => {
        const result = await checkDisallowedSender({ client, sender }, settings, dns.resolver(200));

        assert.equal(summarize(result), expected);
      });
    }

    it('should not look up PTR records when no reverse names are listed', async () => {
      const addressesOnly = { ...DEFAULTS, disallowedSenders: ['spammer@bulk.example'] };
      const input = { client: '192.0.2.11', sender: 'a@mx.example' };
      const started = performance.now();

      const result = await checkDisallowedSender(input, addressesOnly, dns.resolver(200));

      assert.equal(result, null);
      assert.ok(performance.now() - started < 100, 'no lookup of the silent PTR');
    });
  });
});
