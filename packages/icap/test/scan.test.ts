import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startIcapServer, type TIcapServer } from '@portcullis/testkit';
import { createIcapClient, type TIcapClient, type TScanVerdict } from '../src/index.ts';
import {
  EICAR,
  base64AttachmentMessage,
  cleanMessage,
  nestedMessage,
  plainMessage,
  zipAttachmentMessage,
} from './messages.ts';
import { target } from './target.ts';

function assertInfected(verdict: TScanVerdict): void {
  assert.equal(verdict.verdict, 'infected', JSON.stringify(verdict));
  assert.match((verdict as { threat: string }).threat, /^Portcullis\.Test\.EICAR/);
}

describe('scan against c-icap and clamd', () => {
  let server: TIcapServer;
  let client: TIcapClient;
  let dir: string;

  before(async () => {
    server = await startIcapServer();
    client = createIcapClient({ ...target(server), timeoutMs: 10_000, maxConnections: 4 });
    dir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-icap-test-'));
  });

  after(async () => {
    await client.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('should answer clean for a clean message', async () => {
    assert.deepEqual(await client.scan(cleanMessage(20_000)), { verdict: 'clean' });
  });

  it('should find raw EICAR and name it from X-Infection-Found', async () => {
    const verdict = await client.scan(EICAR);

    assertInfected(verdict);
    const { headers } = verdict as { headers: Record<string, string> };

    assert.match(headers['x-infection-found']!, /Threat=/);
  });

  it('should find EICAR in a base64 attachment', async () => {
    assertInfected(await client.scan(base64AttachmentMessage()));
  });

  it('should find EICAR in a nested multipart', async () => {
    assertInfected(await client.scan(nestedMessage()));
  });

  it('should find EICAR inside a zip attachment', async () => {
    assertInfected(await client.scan(zipAttachmentMessage()));
  });

  it('should find EICAR at the end of a 6 MB message, past MaxObjectSize', async () => {
    const big = Buffer.concat([cleanMessage(6 * 1024 * 1024), EICAR, Buffer.from('\r\n')]);
    const file = path.join(dir, 'big.eml');
    await writeFile(file, big);

    assertInfected(await client.scan(file));
    assertInfected(await client.scan(createReadStream(file), { size: big.length }));
  });

  it('should show why the alias matters: plain virus_scan passes 6 MB unscanned', async () => {
    const plain = createIcapClient(target(server, 'virus_scan'));
    const big = Buffer.concat([cleanMessage(6 * 1024 * 1024), EICAR]);

    assert.deepEqual(await plain.scan(big), { verdict: 'clean' });
    assertInfected(await plain.scan(EICAR));
    await plain.close();
  });

  it('should scan a stream of unknown size', async () => {
    const file = path.join(dir, 'b64.eml');
    await writeFile(file, base64AttachmentMessage());

    assertInfected(await client.scan(createReadStream(file)));
  });

  it('should answer error, never clean, for a missing file', async () => {
    const verdict = await client.scan(path.join(dir, 'no-such.eml'));

    assert.equal(verdict.verdict, 'error');
    assert.equal((verdict as { code: string }).code, 'icap_source_error');
  });

  it('should answer error when a stream is shorter than its declared size', async () => {
    const file = path.join(dir, 'short.eml');
    await writeFile(file, plainMessage('x'.repeat(5000)));
    const verdict = await client.scan(createReadStream(file), { size: 9000 });

    assert.equal((verdict as { code?: string }).code, 'icap_source_error');
  });

  it('should keep working on the pool after a source error', async () => {
    assertInfected(await client.scan(EICAR));
  });

  it('should name the threat from the configured header only', async () => {
    const custom = createIcapClient({ ...target(server), virusHeaderNames: 'X-Virus-Name' });
    const verdict = await custom.scan(EICAR);

    // c-icap still blocks with a 403 page, so without its header name the threat is unknown.
    const { verdict: decision, threat } = verdict as { verdict: string; threat?: string };

    assert.deepEqual([decision, threat], ['infected', 'unknown']);
    await custom.close();
  });
});
