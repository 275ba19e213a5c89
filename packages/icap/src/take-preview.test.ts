import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takePreview } from './take-preview.ts';

async function* pieces(...sizes: number[]): AsyncIterable<Buffer> {
  let next = 0;
  for (const size of sizes) {
    yield Buffer.from(Array.from({ length: size }, () => next++ % 256));
  }
}

async function drain(iterable: AsyncIterable<Buffer>): Promise<number> {
  let total = 0;
  for await (const piece of iterable) total += piece.length;

  return total;
}

describe('takePreview', () => {
  it('should mark a body that fits the preview as complete', async () => {
    const split = await takePreview(pieces(300, 200), 1024);

    assert.equal(split.preview.length, 500);
    assert.equal(split.isComplete, true);
    assert.equal(await drain(split.rest), 0);
  });

  it('should treat a body of exactly the preview size as complete', async () => {
    const split = await takePreview(pieces(512, 512), 1024);

    assert.equal(split.isComplete, true);
  });

  it('should keep the bytes after the preview, in order, for the rest', async () => {
    const split = await takePreview(pieces(700, 700, 700), 1024);
    const rest: Buffer[] = [];
    for await (const piece of split.rest) rest.push(piece);
    const all = Buffer.concat([split.preview, ...rest]);

    assert.equal(split.preview.length, 1024);
    assert.equal(split.isComplete, false);
    assert.equal(all.length, 2100);
    assert.ok(all.every((byte, index) => byte === index % 256));
  });

  it('should give a zero-byte preview and the whole body as rest', async () => {
    const split = await takePreview(pieces(10), 0);

    assert.equal(split.preview.length, 0);
    assert.equal(split.isComplete, false);
    assert.equal(await drain(split.rest), 10);
  });
});
