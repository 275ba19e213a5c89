import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startIcapServer, type TIcapServer } from '@portcullis/testkit';
import { createIcapClient } from '../src/index.ts';
import { EICAR, cleanMessage, plainMessage } from './messages.ts';
import { target } from './target.ts';

// RFC 3507 section 4.5 against the real c-icap: the avscan service always asks
// for the rest (100 Continue); the echo demo service answers 204 after a preview
// when 204 is allowed, and echoes the body in a 200 when it is not.
describe('preview', () => {
  let server: TIcapServer;

  before(async () => {
    server = await startIcapServer();
  });

  after(async () => {
    await server.stop();
  });

  it('should learn Preview, Allow and Methods from OPTIONS', async () => {
    const client = createIcapClient(target(server));
    const options = await client.serviceOptions();

    assert.equal(options.previewBytes, 1024);
    assert.equal(options.isAllow204, true);
    assert.ok(options.methods.includes('RESPMOD'));
    assert.equal(options.ttlMs, 3600_000);
    await client.close();
  });

  it('should send a body that fits as the whole preview with ieof, no 100 Continue', async () => {
    const client = createIcapClient(target(server));
    const verdict = await client.scan(EICAR);

    assert.equal(verdict.verdict, 'infected');
    assert.equal(client.stats().previewsSent, 1);
    assert.equal(client.stats().continues, 0);
    await client.close();
  });

  it('should send the rest after 100 Continue when the body is larger', async () => {
    const client = createIcapClient(target(server));
    const message = Buffer.concat([cleanMessage(50_000), EICAR]);

    assert.equal((await client.scan(message)).verdict, 'infected');
    assert.equal(client.stats().continues, 1);
    await client.close();
  });

  it('should cap the preview at previewBytes and still find what follows it', async () => {
    const client = createIcapClient({ ...target(server), previewBytes: 100 });
    const message = plainMessage(`${'y'.repeat(500)}\r\n${EICAR.toString('latin1')}`);

    assert.equal((await client.scan(message)).verdict, 'infected');
    assert.deepEqual([client.stats().previewsSent, client.stats().continues], [1, 1]);
    await client.close();
  });

  it('should send no preview when previewBytes is 0', async () => {
    const client = createIcapClient({ ...target(server), previewBytes: 0 });

    const infected = Buffer.concat([cleanMessage(5000), EICAR]);

    assert.equal((await client.scan(infected)).verdict, 'infected');
    assert.equal((await client.scan(cleanMessage(5000))).verdict, 'clean');
    assert.equal(client.stats().previewsSent, 0);
    await client.close();
  });

  // The echo service alternates per process between 204 after the preview and
  // 100 Continue, after which it streams the body back while still receiving it.
  for (const useAllow204 of [true, false]) {
    it(`should take both of echo's answers as clean (useAllow204 ${useAllow204})`, async () => {
      const client = createIcapClient({ ...target(server, 'echo'), useAllow204 });
      const large = cleanMessage(2 * 1024 * 1024);
      const verdicts = [];
      for (let round = 0; round < 4; round += 1) verdicts.push(await client.scan(large));
      const { continues, connectionsOpened } = client.stats();

      assert.deepEqual(verdicts, Array(4).fill({ verdict: 'clean' }));
      assert.ok(continues >= 1 && continues <= 3, `continues ${continues}`);
      assert.equal(connectionsOpened, 1);
      await client.close();
    });
  }
});
