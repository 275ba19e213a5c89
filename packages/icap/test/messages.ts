// Test messages built at run time; the EICAR string comes from the testkit,
// which assembles it from pieces, so no file holds it whole.
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { eicarTestString } from '@portcullis/testkit';

export const EICAR = Buffer.from(eicarTestString(), 'latin1');

const HEADERS = [
  'From: sender@example.test',
  'To: rcpt@example.test',
  'Subject: test',
  'Date: Fri, 04 Dec 2026 12:00:00 +0000',
  'Message-ID: <test@example.test>',
  'MIME-Version: 1.0',
];

export function plainMessage(body: string, extraHeaders: string[] = []): Buffer {
  const head = [...extraHeaders, ...HEADERS, 'Content-Type: text/plain; charset=utf-8'];

  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}\r\n`);
}

/** A clean text message of about `bytes` bytes, in 76-column lines. */
export function cleanMessage(bytes: number): Buffer {
  const line = 'The quick brown fox jumps over the lazy dog, again and again and again.\r\n';
  const count = Math.max(1, Math.ceil(bytes / line.length));

  return plainMessage(line.repeat(count));
}

export function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export function attachmentPart(contentType: string, filename: string, data: Buffer): string {
  return [
    `Content-Type: ${contentType}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(data),
  ].join('\r\n');
}

export function multipart(boundary: string, parts: string[], subtype = 'mixed'): string {
  const body = parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('');

  return `Content-Type: multipart/${subtype}; boundary="${boundary}"\r\n\r\n${body}--${boundary}--`;
}

export function multipartMessage(parts: string[], extraHeaders: string[] = []): Buffer {
  const head = [...extraHeaders, ...HEADERS].join('\r\n');
  const boundary = `b-${randomBytes(6).toString('hex')}`;

  return Buffer.from(`${head}\r\n${multipart(boundary, parts)}\r\n`);
}

export const TEXT_PART = 'Content-Type: text/plain; charset=utf-8\r\n\r\nSee the attachment.';

/** A message with EICAR in a base64 attachment. */
export function base64AttachmentMessage(extraHeaders: string[] = []): Buffer {
  return multipartMessage(
    [TEXT_PART, attachmentPart('application/octet-stream', 'tool.com', EICAR)],
    extraHeaders,
  );
}

/** EICAR three levels down: mixed > alternative > mixed > attachment. */
export function nestedMessage(): Buffer {
  const attachment = attachmentPart('application/octet-stream', 'deep.bin', EICAR);
  const inner = multipart('inner-1', [attachment]);
  const middle = multipart('middle-1', [TEXT_PART, inner], 'alternative');

  return multipartMessage([middle]);
}

export function zipAttachmentMessage(): Buffer {
  const zip = zipOne('eicar.com', EICAR);

  return multipartMessage([TEXT_PART, attachmentPart('application/zip', 'files.zip', zip)]);
}

/**
 * A minimal one-file zip (PKWARE APPNOTE 4.3): local header, deflated data,
 * central directory entry and end record.
 */
export function zipOne(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const packed = zlib.deflateRawSync(data);
  const crc = zlib.crc32(data);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);

  const centralOffset = local.length + fileName.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);

  return Buffer.concat([local, fileName, packed, central, fileName, end]);
}
