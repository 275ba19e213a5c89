import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkSpf, createDnsResolver, SpfInputError, type CheckSpfInput } from '../../src/index.ts';
import { startLoopbackDnsServer, type LoopbackDnsServer } from '../support/loopback-dns-server.ts';
import { buildScenarioZone, createScenarioHandler } from '../support/openspf-zone.ts';

const TIMEOUT_MS = 250;

/** Zone data in the OpenSPF suites' notation: name → [{ TYPE: value }, ...]. */
type Zone = Record<string, unknown[]>;

const servers: LoopbackDnsServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function serve(zone: Zone) {
  const server = await startLoopbackDnsServer(createScenarioHandler(buildScenarioZone(zone)));
  servers.push(server);
  const resolver = createDnsResolver({
    servers: [server.address],
    timeoutMs: TIMEOUT_MS,
    tries: 1,
  });

  const check = (input: Omit<CheckSpfInput, 'resolver'>) =>
    checkSpf({ receiver: 'mx.receiver.test', ...input, resolver });

  return { server, check };
}

const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}.test`);

describe('checkSpf', () => {
  it('should pass, fail and softfail by the matching mechanism', async () => {
    const { check } = await serve({
      'sender.test': [{ TXT: 'v=spf1 ip4:192.0.2.0/25 ~ip4:192.0.2.128/26 -all' }],
    });
    const from = { helo: 'client.test', mailFrom: 'alice@sender.test' };

    assert.equal((await check({ ...from, ip: '192.0.2.7' })).result, 'pass');
    assert.equal((await check({ ...from, ip: '192.0.2.130' })).result, 'softfail');
    assert.equal((await check({ ...from, ip: '198.51.100.1' })).result, 'fail');
    assert.equal((await check({ ...from, ip: '::ffff:192.0.2.7' })).result, 'pass');
  });

  it('should be temperror, not fail or permerror, when DNS does not answer', async () => {
    const { check } = await serve({
      'sender.test': [{ TXT: 'v=spf1 include:silent.test -all' }],
      'silent.test': ['TIMEOUT'],
      'down.test': ['TIMEOUT'],
    });
    const started = performance.now();

    const direct = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@down.test' });
    const included = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@sender.test' });

    assert.equal(direct.result, 'temperror');
    assert.equal(included.result, 'temperror');
    assert.ok(performance.now() - started < 4 * TIMEOUT_MS, 'each lookup is bounded');
  });

  it('should read a SERVFAIL inside an include as temperror', async () => {
    const zone = { 'sender.test': [{ TXT: 'v=spf1 include:broken.test -all' }] };
    const { server, check } = await serve(zone);
    const answerFromZone = createScenarioHandler(buildScenarioZone(zone));
    server.setHandler((question) =>
      question.name === 'broken.test' ? { rcode: 'SERVFAIL' } : answerFromZone(question),
    );

    const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@sender.test' });

    assert.equal(outcome.result, 'temperror');
    assert.match(outcome.problem ?? '', /ESERVFAIL/);
  });

  it('should check postmaster@<HELO> for the null sender', async () => {
    const { check } = await serve({
      'client.test': [{ TXT: 'v=spf1 exists:%{l}.%{o}.users.test -all' }],
      'postmaster.client.test.users.test': [{ A: '127.0.0.2' }],
    });

    const outcome = await check({ ip: '192.0.2.1', helo: 'client.test', mailFrom: '' });

    assert.equal(outcome.result, 'pass');
    assert.equal(outcome.identity, 'helo');
    assert.equal(outcome.domain, 'client.test');
    assert.match(outcome.receivedSpfHeader, /identity=helo;/);
  });

  it('should answer none for a malformed domain without asking DNS', async () => {
    const { server, check } = await serve({});
    const asked = server.questions.length;

    for (const mailFrom of ['a@[192.0.2.1]', 'a@single', `a@${'x'.repeat(64)}.test`, 'a@x..test']) {
      const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom });
      assert.equal(outcome.result, 'none', mailFrom);
    }
    assert.equal(server.questions.length, asked);
  });

  it('should expand %{d} in an included record to the included domain', async () => {
    const { check } = await serve({
      'sender.test': [{ TXT: 'v=spf1 include:inc.test -all' }],
      'inc.test': [{ TXT: 'v=spf1 exists:%{d}.allow.test' }],
      'inc.test.allow.test': [{ A: '127.0.0.2' }],
    });

    const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@sender.test' });

    assert.equal(outcome.result, 'pass');
  });

  it('should expand %{p} to a validated name of the client', async () => {
    const { check } = await serve({
      'sender.test': [{ TXT: 'v=spf1 exists:%{p}.allow.test -all' }],
      '1.2.0.192.in-addr.arpa': [{ PTR: 'liar.test' }, { PTR: 'mail.sender.test' }],
      'liar.test': [{ A: '198.51.100.1' }],
      'mail.sender.test': [{ A: '192.0.2.1' }],
      'mail.sender.test.allow.test': [{ A: '127.0.0.2' }],
    });

    const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@sender.test' });

    assert.equal(outcome.result, 'pass');
  });

  it('should permerror past 10 DNS-querying terms, and not at 10', async () => {
    const hosts = names('h', 11);
    const zone: Zone = Object.fromEntries(hosts.map((host) => [host, [{ A: '198.51.100.1' }]]));
    const terms = hosts.map((host) => `a:${host}`);
    const record = (count: number) => `v=spf1 ${terms.slice(0, count).join(' ')} -all`;
    const { check } = await serve({
      ...zone,
      'ten.test': [{ TXT: record(10) }],
      'eleven.test': [{ TXT: record(11) }],
    });

    const ten = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@ten.test' });
    const eleven = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@eleven.test' });

    assert.equal(ten.result, 'fail');
    assert.equal(eleven.result, 'permerror');
  });

  it('should permerror past 2 void lookups, and not at 2', async () => {
    const { check } = await serve({
      'two.test': [{ TXT: 'v=spf1 a:void1.test mx:void2.test -all' }],
      'three.test': [{ TXT: 'v=spf1 a:void1.test mx:void2.test exists:void3.test -all' }],
    });

    const two = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@two.test' });
    const three = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@three.test' });

    assert.equal(two.result, 'fail');
    assert.equal(three.result, 'permerror');
  });

  it('should permerror when one mx term needs more than 10 address lookups', async () => {
    const exchanges = names('mx', 11);
    const zone: Zone = Object.fromEntries(exchanges.map((host) => [host, [{ A: '198.51.100.1' }]]));
    const { check } = await serve({
      ...zone,
      'sender.test': [{ TXT: 'v=spf1 mx -all' }, ...exchanges.map((host) => ({ MX: [10, host] }))],
    });

    const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@sender.test' });

    assert.equal(outcome.result, 'permerror');
  });

  it('should permerror a record with a syntax error even after a matching term', async () => {
    const { check } = await serve({ 'sender.test': [{ TXT: 'v=spf1 +all ip4:192.0.2.300' }] });

    const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom: 'a@sender.test' });

    assert.equal(outcome.result, 'permerror');
  });

  it('should explain a fail with the exp= of the record that decided, expanded', async () => {
    const { check } = await serve({
      'sender.test': [{ TXT: 'v=spf1 include:inc.test redirect=final.test exp=top.exp.test' }],
      'inc.test': [{ TXT: 'v=spf1 -all exp=inc.exp.test' }],
      'final.test': [{ TXT: 'v=spf1 -all exp=final.exp.test' }],
      'top.exp.test': [{ TXT: 'not this one' }],
      'final.exp.test': [{ TXT: ['%{L} at %{o} ', 'may not send from %{c}'] }],
    });

    const mailFrom = 'j&j=up@sender.test';
    const outcome = await check({ ip: '192.0.2.1', helo: 'c.test', mailFrom });

    assert.equal(outcome.result, 'fail');
    assert.equal(outcome.explanation, 'j%26j%3Dup at sender.test may not send from 192.0.2.1');
  });

  it('should write a Received-SPF field that a hostile HELO cannot break', async () => {
    const { check } = await serve({ 'sender.test': [{ TXT: 'v=spf1 ip6:2001:db8::/32 -all' }] });

    const outcome = await check({
      ip: '2001:db8::25',
      helo: 'evil.test\r\nX-Injected: yes',
      mailFrom: 'alice@sender.test',
    });
    const header = outcome.receivedSpfHeader;

    assert.equal(outcome.result, 'pass');
    assert.match(header, /^Received-SPF: pass \(mx\.receiver\.test: /);
    assert.match(header, /client-ip="2001:db8::25";/);
    assert.match(header, /envelope-from="alice@sender\.test";/);
    assert.ok(header.split('\r\n').slice(1).every((line) => line.startsWith(' ')), header);
    assert.doesNotMatch(header, /\r\nX-Injected/);
  });

  it('should refuse a client address that is not an IP address', async () => {
    const { check } = await serve({});

    const outcome = check({ ip: 'nope', helo: 'c.test', mailFrom: 'a@b.test' });

    await assert.rejects(outcome, SpfInputError);
  });
});
