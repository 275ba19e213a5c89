// Messages for the anti-virus tests, built at run time. The EICAR test string comes from
// the testkit, which puts it together from pieces: no file of ours holds it whole.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eicarTestString } from '@portcullis/testkit';

export const EICAR = Buffer.from(eicarTestString(), 'latin1');

const HEAD = [
  'From: alice@sender.example',
  'To: bob@protected.example',
  'Date: Fri, 04 Dec 2026 12:00:00 +0000',
  'MIME-Version: 1.0',
];
const TEXT_PART = 'Content-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attachment.';
const LINE = 'Nothing to see in this line of text, it only takes up room in the message.\r\n';

export function cleanMessage(subject: string): string {
  return message(subject, `Content-Type: text/plain\r\n\r\n${LINE.repeat(20)}`);
}

/** Base64 in lines of 76 (RFC 2045 6.8): no line can start with a dot. */
function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

function attachment(contentType: string, filename: string, data: Buffer): string {
  return [
    `Content-Type: ${contentType}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(data),
  ].join('\r\n');
}

function multipart(parts: string[], subtype = 'mixed'): string {
  const boundary = `=_${randomBytes(8).toString('hex')}`;
  const body = parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('');

  return `Content-Type: multipart/${subtype}; boundary="${boundary}"\r\n\r\n${body}--${boundary}--`;
}

function message(subject: string, body: string): string {
  return [...HEAD, `Subject: ${subject}`, body].join('\r\n');
}

export function base64AttachmentMessage(): string {
  const parts = [TEXT_PART, attachment('application/octet-stream', 'a.com', EICAR)];

  return message('base64', multipart(parts));
}

/** The attachment above behind a first header line whose bytes are a Windows program's magic. */
export function disguisedMessage(): string {
  return `MZ: x\r\n${base64AttachmentMessage()}`;
}

/** EICAR three levels down: mixed > alternative > mixed > the attachment. */
export function nestedMessage(): string {
  const inner = multipart([attachment('application/octet-stream', 'deep.bin', EICAR)]);
  const middle = multipart([TEXT_PART, inner], 'alternative');

  return message('nested', multipart([middle]));
}

/** EICAR in a zip made by Info-ZIP's `zip`, deflated where it can be. */
export function zipMessage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portcullis-zip-'));
  try {
    writeFileSync(path.join(dir, 'readme.txt'), LINE.repeat(50));
    writeFileSync(path.join(dir, 'tool.com'), EICAR);
    execFileSync('zip', ['-q', '-j', path.join(dir, 'files.zip'), 'readme.txt', 'tool.com'], {
      cwd: dir,
    });
    const zip = readFileSync(path.join(dir, 'files.zip'));

    return message('zip', multipart([TEXT_PART, attachment('application/zip', 'files.zip', zip)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Over `bytes` of text first, then EICAR in an attachment at the very end. */
export function largeMessage(bytes: number): string {
  const text = `Content-Type: text/plain\r\n\r\n${LINE.repeat(Math.ceil(bytes / LINE.length))}`;
  const parts = [text, attachment('application/octet-stream', 'late.com', EICAR)];

  return message('large', multipart(parts));
}
