import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SMTPStream } from 'smtp-server/lib/smtp-stream.js';
import { fastFeedDataStream } from './fast-feed-data-stream.ts';

// Captured from the library before anything patches the prototype.
const libraryFeed = SMTPStream.prototype._feedDataStream;

// Pieces that exercise every branch: dots at line starts, stuffed dots, bare CR
// and LF, and end marks (real ones end the message early, as they should).
const PIECES = ['a', 'bc', '.', '..', '\r\n', '\n', '\r', '\r\n.', '\n.', '\n.\n', '.\r\n'];
PIECES.push('\r\n.\r\n', 'x'.repeat(40));

function random(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function makeSession(next: () => number): Buffer {
  let text = 'EHLO x\r\n';
  for (let m = 0; m < 3; m += 1) {
    text += 'DATA\r\n';
    const count = Math.floor(next() * 60);
    for (let i = 0; i < count; i += 1) text += PIECES[Math.floor(next() * PIECES.length)];
    text += '\r\n.\r\nNOOP\r\n';
  }

  return Buffer.from(text, 'latin1');
}

function split(input: Buffer, next: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  let at = 0;
  while (at < input.length) {
    const size = 1 + Math.floor(next() * 12);
    chunks.push(input.subarray(at, at + size));
    at += size;
  }

  return chunks;
}

async function parse(feed: typeof libraryFeed, chunks: Buffer[]): Promise<string[]> {
  const events: string[] = [];
  const stream = new SMTPStream();
  stream._feedDataStream = feed;
  stream.oncommand = (command: Buffer, callback?: () => void) => {
    const line = command.toString('latin1');
    events.push(`C:${line}`);
    if (line === 'DATA') {
      const data = stream.startDataMode();
      const parts: Buffer[] = [];
      data.on('data', (part: Buffer) => parts.push(part));
      data.on('end', () => {
        events.push(`D:${Buffer.concat(parts).toString('latin1')}`);
        setImmediate(() => stream.continue());
      });
    }
    callback?.();
  };

  for (const chunk of chunks) {
    await new Promise<void>((resolve) => stream.write(chunk, () => resolve()));
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 5));

  return events;
}

describe('fastFeedDataStream', () => {
  it('should parse exactly as smtp-server does on random input in random chunks', async () => {
    const next = random(42);
    for (let round = 0; round < 300; round += 1) {
      const chunks = split(makeSession(next), next);

      const expected = await parse(libraryFeed, chunks);
      const actual = await parse(fastFeedDataStream, chunks);

      assert.deepEqual(actual, expected, `round ${round}`);
    }
  });

  it('should unstuff dots and stop at the first CRLF.CRLF', async () => {
    const input = Buffer.from('DATA\r\n..a\r\nb\n..c\r\n.\r\nQUIT\r\n');
    const events = await parse(fastFeedDataStream, [input]);

    assert.deepEqual(events, ['C:DATA', 'D:.a\r\nb\n.c\r\n', 'C:QUIT']);
  });
});
