export interface TPreviewSplit {
  preview: Buffer;
  // The whole body fitted in the preview: it ends with `0; ieof`.
  isComplete: boolean;
  rest: AsyncIterable<Buffer>;
  // Stops reading the source, e.g. when the server answered after the preview.
  close(): Promise<void>;
}

/**
 * Reads up to `limit` bytes for an ICAP preview (RFC 3507 section 4.5), plus
 * one more piece to learn whether the body goes on; memory stays within
 * `limit` and one source piece.
 */
export async function takePreview(
  body: AsyncIterable<Buffer>,
  limit: number,
): Promise<TPreviewSplit> {
  const iterator = body[Symbol.asyncIterator]();
  const pieces: Buffer[] = [];
  let length = 0;
  let isDone = false;

  while (length <= limit) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    pieces.push(next.value);
    length += next.value.length;
  }

  const head = Buffer.concat(pieces);
  const leftover = head.subarray(limit);
  const close = async () => {
    if (!isDone) await iterator.return?.();
    isDone = true;
  };

  async function* rest(): AsyncIterable<Buffer> {
    if (leftover.length > 0) yield leftover;
    while (!isDone) {
      const next = await iterator.next();
      if (next.done) isDone = true;
      else yield next.value;
    }
  }

  return { preview: head.subarray(0, limit), isComplete: isDone, rest: rest(), close };
}
