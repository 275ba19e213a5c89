import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIcapServer, type TIcapServer } from '@portcullis/testkit';
import { createIcapClient } from '../src/index.ts';
import { EICAR, base64AttachmentMessage, cleanMessage, zipAttachmentMessage } from './messages.ts';
import { OPTIONS_200, startScriptedServer } from './scripted-icap-server.ts';
import { target } from './target.ts';

const ICAP_204 = 'ICAP/1.0 204 No Content\r\nEncapsulated: null-body=0\r\n\r\n';

describe('connection pool against c-icap', () => {
  let server: TIcapServer;

  before(async () => {
    server = await startIcapServer();
  });

  after(async () => {
    await server.stop();
  });

  it('should run many scans over one kept-alive connection', async () => {
    const client = createIcapClient({ ...target(server), maxConnections: 4 });
    const verdicts = [];
    for (let round = 0; round < 10; round += 1) {
      verdicts.push((await client.scan(round % 2 ? EICAR : cleanMessage(30_000))).verdict);
    }
    const stats = client.stats();

    const expected = Array.from({ length: 10 }, (_, round) => (round % 2 ? 'infected' : 'clean'));

    assert.deepEqual(verdicts, expected);
    assert.equal(stats.connectionsOpened, 1);
    // OPTIONS and ten scans on the same connection: ten reuses.
    assert.equal(stats.connectionsReused, 10);
    assert.equal(stats.connectionsDropped, 0);
    await client.close();
  });

  it('should get every verdict right with 20 scans at a time', async () => {
    const client = createIcapClient({ ...target(server), maxConnections: 8 });
    const samples = [
      { message: cleanMessage(100_000), expected: 'clean' },
      { message: EICAR, expected: 'infected' },
      { message: base64AttachmentMessage(), expected: 'infected' },
      { message: cleanMessage(2000), expected: 'clean' },
      { message: zipAttachmentMessage(), expected: 'infected' },
    ];
    const jobs = Array.from({ length: 60 }, (_, index) => samples[index % samples.length]!);

    const verdicts: string[] = [];
    for (let start = 0; start < jobs.length; start += 20) {
      const batch = jobs.slice(start, start + 20).map((job) => client.scan(job.message));
      verdicts.push(...(await Promise.all(batch)).map((verdict) => verdict.verdict));
    }

    assert.deepEqual(verdicts, jobs.map((job) => job.expected));
    assert.ok(client.stats().connectionsOpened <= 8, `opened ${client.stats().connectionsOpened}`);
    assert.equal(client.stats().busy, 0);
    await client.close();
  });
});

const scriptedTarget = (port: number) => ({ host: '127.0.0.1', port, service: 'x' });

describe('OPTIONS rules from a scripted server', () => {
  it('should open no more connections than Max-Connections', async () => {
    const scripted = await startScriptedServer(() => ICAP_204, {
      optionsReply: OPTIONS_200(['Max-Connections: 2', 'Options-TTL: 60']),
    });
    const client = createIcapClient({ ...scriptedTarget(scripted.port), maxConnections: 10 });
    const scans = Array.from({ length: 12 }, () => client.scan(cleanMessage(50_000)));
    const verdicts = await Promise.all(scans);

    assert.ok(verdicts.every((verdict) => verdict.verdict === 'clean'));
    assert.ok(scripted.maxOpenConnections <= 2, `${scripted.maxOpenConnections} at once`);
    await client.close();
    await scripted.stop();
  });

  it('should ask OPTIONS again once Options-TTL has passed', async () => {
    const scripted = await startScriptedServer(() => ICAP_204, {
      optionsReply: OPTIONS_200(['Options-TTL: 1']),
    });
    const client = createIcapClient(scriptedTarget(scripted.port));

    await client.scan(cleanMessage(100));
    await client.scan(cleanMessage(100));
    assert.equal(scripted.optionsRequests, 1);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await client.scan(cleanMessage(100));
    assert.equal(scripted.optionsRequests, 2);
    await client.close();
    await scripted.stop();
  });

  it('should use REQMOD when the service offers only that', async () => {
    let method = '';
    const scripted = await startScriptedServer(
      (request) => {
        method = request.method;

        return ICAP_204;
      },
      { optionsReply: OPTIONS_200().replace('Methods: RESPMOD', 'Methods: REQMOD') },
    );
    const client = createIcapClient(scriptedTarget(scripted.port));

    assert.deepEqual(await client.scan(cleanMessage(3000)), { verdict: 'clean' });
    assert.equal(method, 'REQMOD');
    await client.close();
    await scripted.stop();
  });

  it('should refuse a service that offers neither RESPMOD nor REQMOD', async () => {
    const scripted = await startScriptedServer(() => ICAP_204, {
      optionsReply: OPTIONS_200().replace('Methods: RESPMOD', 'Methods: OPTIONS'),
    });
    const client = createIcapClient(scriptedTarget(scripted.port));

    const verdict = await client.scan(cleanMessage(100));

    assert.equal((verdict as { code?: string }).code, 'icap_method_unsupported');
    await client.close();
    await scripted.stop();
  });
});
