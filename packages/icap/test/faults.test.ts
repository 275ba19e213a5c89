import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { findFreePort, startIcapServer } from '@portcullis/testkit';
import { createIcapClient, type TScanVerdict } from '../src/index.ts';
import { EICAR, cleanMessage } from './messages.ts';
import { HANG_UP, OPTIONS_200, startScriptedServer } from './scripted-icap-server.ts';
import { target } from './target.ts';

function codeOf(verdict: TScanVerdict): string {
  assert.equal(verdict.verdict, 'error', JSON.stringify(verdict));

  return (verdict as { code: string }).code;
}

describe('c-icap and clamd going away', () => {
  it('should answer error while clamd is down (ICAP 500), and detect once it is back', async () => {
    const server = await startIcapServer();
    const client = createIcapClient(target(server));
    assert.equal((await client.scan(EICAR)).verdict, 'infected');

    await server.stopClamd();
    const down = await client.scan(EICAR);
    const cleanWhileDown = await client.scan(cleanMessage(5000));

    assert.equal(codeOf(down), 'icap_server_error');
    assert.match((down as { reason: string }).reason, /^ICAP 500/);
    assert.equal(codeOf(cleanWhileDown), 'icap_server_error');

    await server.startClamd();
    assert.equal((await client.scan(EICAR)).verdict, 'infected');
    assert.equal((await client.scan(cleanMessage(5000))).verdict, 'clean');
    await client.close();
    await server.stop();
  });

  it('should answer error once c-icap is stopped, parked connection or not', async () => {
    const server = await startIcapServer();
    const client = createIcapClient({ ...target(server), timeoutMs: 3000 });
    assert.equal((await client.scan(cleanMessage(5000))).verdict, 'clean');
    assert.equal(client.stats().idle, 1);

    await server.stop();
    const started = Date.now();
    const verdicts = [await client.scan(EICAR), await client.scan(cleanMessage(5000))];

    assert.deepEqual(verdicts.map(codeOf), ['icap_connect_failed', 'icap_connect_failed']);
    assert.ok(Date.now() - started < 2000, 'refusals come back fast');
    await client.close();
  });

  it('should answer error when nothing listens at all', async () => {
    const port = await findFreePort();
    const client = createIcapClient({ host: '127.0.0.1', port, service: 'avscan' });

    assert.equal(codeOf(await client.scan(EICAR)), 'icap_connect_failed');
    await client.close();
  });
});

const OK = 'ICAP/1.0 200 OK\r\nEncapsulated: ';
const OK_WITH_BODY = `${OK}res-hdr=0, res-body=19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n`;
const scriptedTarget = (port: number) => ({ host: '127.0.0.1', port, service: 'x' });

describe('misbehaving ICAP peers', () => {
  const cases: [string, string | null, string][] = [
    ['a server that never answers', null, 'icap_timeout'],
    ['a garbage status line', 'HTTP/1.1 200 OK\r\n\r\n', 'icap_protocol_error'],
    ['broken Encapsulated offsets', `${OK}res-body=0, res-hdr=5\r\n\r\n`, 'icap_protocol_error'],
    ['a bad chunk size', `${OK_WITH_BODY}zz\r\n`, 'icap_protocol_error'],
    ['a response cut short', `${OK}res-hdr=0, res-body=19\r\n\r\nHTTP/1.1 200`, 'icap_timeout'],
    ['a 404 for the service', 'ICAP/1.0 404 ICAP Service not found\r\n\r\n', 'icap_server_error'],
    ['a 200 without any body', `${OK}null-body=0\r\n\r\n`, 'icap_protocol_error'],
  ];
  for (const [name, reply, expected] of cases) {
    it(`should answer ${expected} for ${name}`, async () => {
      const scripted = await startScriptedServer(() => reply);
      const client = createIcapClient({ ...scriptedTarget(scripted.port), timeoutMs: 400 });
      const started = Date.now();

      assert.equal(codeOf(await client.scan(cleanMessage(3000))), expected);
      assert.ok(Date.now() - started < 2000, 'bounded by the timeout');
      await client.close();
      await scripted.stop();
    });
  }

  it('should answer icap_connection_lost when the server hangs up mid-response', async () => {
    const scripted = await startScriptedServer(() => 'ICAP/1.0 200 OK\r\nEncap');
    const client = createIcapClient(scriptedTarget(scripted.port));
    const pending = client.scan(cleanMessage(3000));
    setTimeout(() => void scripted.stop(), 100);

    assert.equal(codeOf(await pending), 'icap_connection_lost');
    await client.close();
  });

  it('should read a 403 block page without infection headers as infected', async () => {
    const page = 'HTTP/1.1 403 Forbidden\r\n\r\n';
    const scripted = await startScriptedServer(
      () => `${OK}res-hdr=0, res-body=${page.length}\r\n\r\n${page}4\r\nno!\n\r\n0\r\n\r\n`,
    );
    const client = createIcapClient(scriptedTarget(scripted.port));
    const verdict = await client.scan(cleanMessage(3000));

    const threat = (verdict as { threat?: string }).threat;

    assert.deepEqual([verdict.verdict, threat], ['infected', 'unknown']);
    await client.close();
    await scripted.stop();
  });

  it('should read X-Virus-Name on a folded line', async () => {
    const scripted = await startScriptedServer(
      () =>
        'ICAP/1.0 200 OK\r\nX-Virus-Name:\r\n\tSome.Worm\r\n' +
        'Encapsulated: res-hdr=0, null-body=19\r\n\r\nHTTP/1.1 403 No\r\n\r\n',
    );
    const client = createIcapClient(scriptedTarget(scripted.port));
    const verdict = await client.scan(cleanMessage(3000));

    assert.equal((verdict as { threat?: string }).threat, 'Some.Worm');
    await client.close();
    await scripted.stop();
  });

  // The race a keep-alive client must survive: the server drops an idle
  // connection just as the next request goes out on it.
  const dropsSecondRequest = (request: { indexOnConnection: number }) =>
    request.indexOnConnection === 0 ? 'ICAP/1.0 204 No Content\r\n\r\n' : HANG_UP;

  it('should retry once on a fresh connection when a reused one is closed unanswered', async () => {
    const scripted = await startScriptedServer(dropsSecondRequest);
    const client = createIcapClient(scriptedTarget(scripted.port));

    assert.deepEqual(await client.scan(cleanMessage(100)), { verdict: 'clean' });
    assert.deepEqual(await client.scan(cleanMessage(100)), { verdict: 'clean' });
    assert.equal(client.stats().connectionsOpened, 2);
    await client.close();
    await scripted.stop();
  });

  it('should not retry a stream it cannot read twice', async () => {
    const scripted = await startScriptedServer(dropsSecondRequest);
    const client = createIcapClient(scriptedTarget(scripted.port));
    await client.scan(cleanMessage(100));

    const verdict = await client.scan(Readable.from([cleanMessage(100)]));

    assert.equal(codeOf(verdict), 'icap_connection_lost');
    await client.close();
    await scripted.stop();
  });

  it('should answer error for a refused OPTIONS', async () => {
    const scripted = await startScriptedServer(() => null, {
      optionsReply: 'ICAP/1.0 404 Service not found\r\n\r\n',
    });
    const client = createIcapClient(scriptedTarget(scripted.port));

    assert.equal(codeOf(await client.scan(EICAR)), 'icap_options_failed');
    await client.close();
    await scripted.stop();
  });

  it('should keep OPTIONS cached across scans so a 204 server needs one OPTIONS', async () => {
    const scripted = await startScriptedServer(() => 'ICAP/1.0 204 No Content\r\n\r\n', {
      optionsReply: OPTIONS_200(),
    });
    const client = createIcapClient(scriptedTarget(scripted.port));
    for (let round = 0; round < 3; round += 1) await client.scan(cleanMessage(100));

    assert.equal(scripted.optionsRequests, 1);
    await client.close();
    await scripted.stop();
  });
});
