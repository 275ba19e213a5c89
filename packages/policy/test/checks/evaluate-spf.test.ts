import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from '@portcullis/contracts';
import { evaluateSpf } from '../../src/index.ts';
import { startLoopbackDns, type TLoopbackDns } from '../support/loopback-dns.ts';

const SETTINGS = DEFAULT_SECURITY_PROFILE_SETTINGS.spf;
const RECEIVER = 'gw.receiver.example';

describe('evaluateSpf', () => {
  let dns: TLoopbackDns;

  before(async () => {
    dns = await startLoopbackDns({
      'sender.example': {
        TXT: ['v=spf1 ip4:192.0.2.0/25 ~ip4:192.0.2.128/26 ?ip4:192.0.2.192/26 -all'],
      },
      'broken.example': { TXT: ['v=spf1 ip4:192.0.2.0/33 -all'] },
      'nopolicy.example': { A: ['192.0.2.1'] },
      'slow.example': 'silent',
      'helo.example': { TXT: ['v=spf1 ip4:198.51.100.7 -all'] },
    });
  });
  after(() => dns.close());

  const evaluate = (ip: string, mailFrom: string | null, settings = SETTINGS) =>
    evaluateSpf({ ip, helo: 'helo.example', mailFrom }, settings, dns.resolver(200), {
      receiver: RECEIVER,
    });

  const cases: Array<[string, string, string | null, string, string | null]> = [
    ['pass', '192.0.2.10', 'a@sender.example', 'pass', null],
    ['fail', '198.51.100.1', 'a@sender.example', 'fail', 'spf_fail'],
    ['softfail', '192.0.2.130', 'a@sender.example', 'softfail', 'spf_softfail'],
    ['neutral', '192.0.2.200', 'a@sender.example', 'neutral', null],
    ['none', '192.0.2.10', 'a@nopolicy.example', 'none', null],
    ['permerror', '192.0.2.10', 'a@broken.example', 'permerror', 'spf_permerror'],
    ['temperror', '192.0.2.10', 'a@slow.example', 'temperror', 'spf_temperror'],
    ['the HELO identity for the null sender (pass)', '198.51.100.7', '', 'pass', null],
    ['the HELO identity for the null sender (fail)', '198.51.100.8', null, 'fail', 'spf_fail'],
  ];

  for (const [name, ip, mailFrom, result, violation] of cases) {
    it(`should map ${name}`, async () => {
      const outcome = await evaluate(ip, mailFrom);

      assert.equal(outcome.result, result);
      assert.equal(outcome.finding?.violation ?? null, violation);
      assert.match(outcome.receivedSpfHeader ?? '', new RegExp(`^Received-SPF: ${result} `));
      assert.match(outcome.receivedSpfHeader ?? '', /receiver=gw\.receiver\.example;/);
    });
  }

  it('should leave the header out when the profile adds none', async () => {
    const outcome = await evaluate('198.51.100.1', 'a@sender.example', {
      ...SETTINGS,
      addReceivedSpfHeader: false,
    });

    assert.equal(outcome.receivedSpfHeader, null);
    assert.equal(outcome.finding?.violation, 'spf_fail');
    assert.match(outcome.finding?.detail ?? '', /SPF fail for mailfrom sender\.example/);
  });

  it('should cut a slow evaluation off at the deadline as temperror', async () => {
    const resolver = dns.resolver(800);
    const started = performance.now();

    const outcome = await evaluateSpf(
      { ip: '192.0.2.10', helo: 'helo.example', mailFrom: 'a@slow.example' },
      SETTINGS,
      resolver,
      { receiver: RECEIVER, deadlineMs: 150 },
    );

    assert.ok(performance.now() - started < 1_000);
    assert.equal(outcome.finding?.violation, 'spf_temperror');
    const header = outcome.receivedSpfHeader ?? '';
    assert.match(header, /^Received-SPF: temperror \(gw\.receiver\.example:/);
  });

  it('should throw SPF_INVALID_CLIENT_IP for a client that is not an address', async () => {
    await assert.rejects(evaluate('not-an-ip', 'a@sender.example'), {
      code: 'SPF_INVALID_CLIENT_IP',
    });
  });
});
