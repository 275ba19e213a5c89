import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findFreePort, startIcapServer, type TIcapServer } from '@portcullis/testkit';
import { createIcapClient, scanMessage, type TIcapClient } from '../src/index.ts';
import {
  EICAR,
  TEXT_PART,
  attachmentPart,
  base64AttachmentMessage,
  cleanMessage,
  multipartMessage,
  nestedMessage,
  zipAttachmentMessage,
  zipOne,
} from './messages.ts';
import { target } from './target.ts';

// First header lines whose bytes match another file type's magic: clamd then
// scans the message as that type and never decodes its MIME parts.
const DISGUISES = ['MZ: x', 'BM-X: 1', 'ID3: x', 'PK\u0003\u0004: x', '%PDF-X: 1', 'Rar!: x'];

function quotedPrintableMessage(extraHeaders: string[]): Buffer {
  const hex = (char: string) => char.charCodeAt(0).toString(16).toUpperCase();
  const encoded = EICAR.toString('latin1').replace(/[=$]/g, (char) => `=${hex(char)}`);
  const head = [
    ...extraHeaders,
    'From: a@example.test',
    'To: b@example.test',
    'Subject: qp',
    'MIME-Version: 1.0',
    'Content-Type: text/plain',
    'Content-Transfer-Encoding: quoted-printable',
  ];

  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${encoded}\r\n`);
}

describe('scanMessage', () => {
  let server: TIcapServer;
  let client: TIcapClient;
  let dir: string;

  before(async () => {
    server = await startIcapServer();
    client = createIcapClient({ ...target(server), maxConnections: 4 });
    dir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-icap-mime-'));
  });

  after(async () => {
    await client.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('should answer clean for a clean multipart message with a harmless attachment', async () => {
    const pdf = attachmentPart('application/pdf', 'a.pdf', Buffer.from('%PDF-1.4 hello'));
    const message = multipartMessage([TEXT_PART, pdf]);

    assert.deepEqual(await scanMessage(client, message), { verdict: 'clean' });
  });

  for (const [name, build] of [
    ['a base64 attachment', () => base64AttachmentMessage()],
    ['a nested multipart', nestedMessage],
    ['a zip attachment', zipAttachmentMessage],
  ] as const) {
    it(`should find EICAR in ${name} from the whole message`, async () => {
      const verdict = await scanMessage(client, build());

      assert.equal(verdict.verdict, 'infected');
      assert.equal(verdict.part, undefined, 'found by the whole-message scan');
    });
  }

  for (const disguise of DISGUISES) {
    it(`should find the attachment part by part behind "${disguise.slice(0, 4)}..."`, async () => {
      const message = base64AttachmentMessage([disguise]);

      // The gap this module closes: the whole message passes the scanner.
      assert.deepEqual(await client.scan(message), { verdict: 'clean' });

      const verdict = await scanMessage(client, message);
      assert.equal(verdict.verdict, 'infected');
      assert.deepEqual(verdict.part, {
        partId: '2',
        contentType: 'application/octet-stream',
        filename: 'tool.com',
      });
    });
  }

  it('should find EICAR in a zip inside a disguised message', async () => {
    const zip = attachmentPart('application/zip', 'x.zip', zipOne('e.com', EICAR));
    const message = multipartMessage([TEXT_PART, zip], ['MZ: x']);
    const verdict = await scanMessage(client, message);

    assert.equal(verdict.verdict, 'infected');
    assert.equal(verdict.part?.filename, 'x.zip');
  });

  it('should find EICAR in a quoted-printable text body of a disguised message', async () => {
    const message = quotedPrintableMessage(['MZ: x']);
    const verdict = await scanMessage(client, message);

    assert.equal(verdict.verdict, 'infected');
    assert.deepEqual(verdict.part, { partId: null, contentType: 'text/plain' });
  });

  it('should find EICAR in an attached message, disguised at both levels', async () => {
    const inner = base64AttachmentMessage(['MZ: inner']);
    const attached = [
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="fwd.eml"',
      '',
      inner.toString('latin1'),
    ];
    const message = multipartMessage([TEXT_PART, attached.join('\r\n')], ['MZ: outer']);
    const verdict = await scanMessage(client, message);

    assert.equal(verdict.verdict, 'infected');
    assert.equal(verdict.part?.filename, 'tool.com');
  });

  it('should read a message from a file path', async () => {
    const file = path.join(dir, 'disguised.eml');
    await writeFile(file, base64AttachmentMessage(['BM-X: 1']));

    assert.equal((await scanMessage(client, file)).verdict, 'infected');
    assert.deepEqual(await scanMessage(client, cleanMessage(100_000)), { verdict: 'clean' });
  });

  it('should answer error, never clean, beyond maxParts', async () => {
    const file = (index: number) =>
      attachmentPart('application/octet-stream', `f${index}.bin`, Buffer.from(`file ${index}`));
    const message = multipartMessage([TEXT_PART, ...[0, 1, 2, 3, 4].map(file)]);
    const verdict = await scanMessage(client, message, { maxParts: 3 });

    assert.equal(verdict.verdict, 'error');
    assert.equal((verdict as { code: string }).code, 'mime_too_many_parts');
  });

  it('should answer error when the ICAP server is unreachable', async () => {
    const port = await findFreePort();
    const offline = createIcapClient({ host: '127.0.0.1', port, service: 'avscan' });
    const verdict = await scanMessage(offline, base64AttachmentMessage());

    assert.equal(verdict.verdict, 'error');
    await offline.close();
  });
});
