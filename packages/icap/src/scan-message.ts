// Scans a whole RFC 5322 message and then every MIME part on its own, decoded.
// clamd decodes MIME itself, but only when it recognises the blob as mail: a
// message whose first bytes look like another file type (a header line such as
// "MZ: x" reads as a Windows executable) is scanned as that type and its
// attachments are never decoded. Scanning each decoded part closes that gap.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { MailParser, type AttachmentStream, type MessageText } from 'mailparser';
import { toIcapError } from './icap-error.ts';
import type { TIcapClient, TScanVerdict } from './types.ts';

export interface TMessagePart {
  // IMAP-style part number ('1.2'), null for the message's text bodies.
  partId: string | null;
  contentType: string;
  filename?: string;
}

// Which part the verdict came from; absent when it is the whole message's.
export type TMessageVerdict = TScanVerdict & { part?: TMessagePart };

export interface TScanMessageOptions {
  // Parts scanned at most; a message with more gets an error, never "clean". Default 1000.
  maxParts?: number;
  // Attached messages (message/rfc822) inside attached messages, at most. Default 8.
  maxDepth?: number;
}

interface TContext {
  parts: number;
  maxParts: number;
  maxDepth: number;
}

const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  checksumAlgo: false,
} as const;

/**
 * The message as a whole first (the scanner sees it as delivered), then each
 * part. The first verdict that is not clean wins; clean means every part was.
 */
export async function scanMessage(
  client: TIcapClient,
  source: Buffer | string,
  options: TScanMessageOptions = {},
): Promise<TMessageVerdict> {
  const context = { parts: 0, maxParts: options.maxParts ?? 1000, maxDepth: options.maxDepth ?? 8 };

  return scanAtDepth(client, source, context, 0);
}

async function scanAtDepth(
  client: TIcapClient,
  source: Buffer | string,
  context: TContext,
  depth: number,
): Promise<TMessageVerdict> {
  if (depth > context.maxDepth) {
    const reason = `nested deeper than ${context.maxDepth}`;

    return { verdict: 'error', code: 'mime_too_deep', reason };
  }

  const whole = await client.scan(source);
  if (whole.verdict !== 'clean') return whole;

  const open = () => (Buffer.isBuffer(source) ? Readable.from([source]) : createReadStream(source));

  return scanParts(client, open, context, depth);
}

async function scanParts(
  client: TIcapClient,
  open: () => Readable,
  context: TContext,
  depth: number,
): Promise<TMessageVerdict> {
  // Our own part count decides; the parser's node limit (containers count too) sits above it.
  const maxChildNodes = Math.max(2 * context.maxParts, 1000);
  const parser = new MailParser({ ...PARSER_OPTIONS, maxChildNodes });
  const input = open();
  input.once('error', (error) => parser.destroy(error));
  input.pipe(parser);

  try {
    for await (const data of parser as AsyncIterable<AttachmentStream | MessageText>) {
      const verdict =
        data.type === 'attachment'
          ? await scanAttachment(client, data, context, depth)
          : await scanTexts(client, data);
      if (verdict.verdict !== 'clean') return verdict;
    }

    return { verdict: 'clean' };
  } catch (error) {
    const reason = toIcapError(error, 'mime_parse_failed').message;

    return { verdict: 'error', code: 'mime_parse_failed', reason };
  } finally {
    input.unpipe(parser);
    input.destroy();
    parser.destroy();
  }
}

async function scanAttachment(
  client: TIcapClient,
  attachment: AttachmentStream,
  context: TContext,
  depth: number,
): Promise<TMessageVerdict> {
  const part: TMessagePart = {
    partId: attachment.partId,
    contentType: attachment.contentType,
    ...(attachment.filename === undefined ? {} : { filename: attachment.filename }),
  };
  context.parts += 1;
  try {
    if (context.parts > context.maxParts) {
      const reason = `over ${context.maxParts} parts`;

      return { verdict: 'error', code: 'mime_too_many_parts', reason, part };
    }

    // An attached message is a message again: scan it whole and part by part.
    // It is held in memory for that, bounded by the size of the outer message.
    if (attachment.contentType === 'message/rfc822') {
      const inner = await collect(attachment.content);
      const verdict = await scanAtDepth(client, inner, context, depth + 1);

      return verdict.part ? verdict : { ...verdict, part };
    }

    return { ...(await client.scan(attachment.content)), part };
  } finally {
    // The parser waits for this before going on; it drains what was not read.
    attachment.release?.();
  }
}

/** The decoded text and HTML bodies (mailparser keeps them as strings). */
async function scanTexts(client: TIcapClient, message: MessageText): Promise<TMessageVerdict> {
  const bodies = [
    { contentType: 'text/plain', text: message.text },
    { contentType: 'text/html', text: message.html },
  ];
  for (const { contentType, text } of bodies) {
    if (!text) continue;

    const verdict = await client.scan(Buffer.from(text, 'utf8'));
    if (verdict.verdict !== 'clean') return { ...verdict, part: { partId: null, contentType } };
  }

  return { verdict: 'clean' };
}

async function collect(stream: Readable): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.from(piece as Uint8Array));

  return Buffer.concat(pieces);
}
