import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { IcapError, toIcapError } from './icap-error.ts';
import type { TScanSource } from './types.ts';

// Piece size when sending: large enough for few writes, small enough to stay bounded.
const PIECE_BYTES = 64 * 1024;

export interface TBody {
  size: number | null;
  // Buffers and files can be read again, so a request on a stale connection can be retried.
  isReplayable: boolean;
  open(): AsyncIterable<Buffer>;
}

/** Describes a message source without reading it; a file is only stat()ed. */
export async function describeSource(source: TScanSource, size?: number): Promise<TBody> {
  if (Buffer.isBuffer(source)) {
    return { size: source.length, isReplayable: true, open: () => slices(source) };
  }

  if (typeof source === 'string') {
    const info = await stat(source).catch((error: unknown) => {
      throw toIcapError(error, 'icap_source_error');
    });

    return {
      size: info.size,
      isReplayable: true,
      open: () => guarded(createReadStream(source, { highWaterMark: PIECE_BYTES })),
    };
  }

  if (!(source instanceof Readable)) throw new IcapError('icap_source_error', 'unsupported source');

  let isOpened = false;
  const open = () => {
    if (isOpened) throw new IcapError('icap_source_error', 'a stream can be read only once');
    isOpened = true;

    return guarded(source);
  };

  return { size: size ?? null, isReplayable: false, open };
}

async function* slices(buffer: Buffer): AsyncIterable<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += PIECE_BYTES) {
    yield buffer.subarray(offset, offset + PIECE_BYTES);
  }
}

/** Stream chunks as Buffers; read failures become icap_source_error. */
async function* guarded(stream: Readable): AsyncIterable<Buffer> {
  try {
    for await (const chunk of stream) {
      if (Buffer.isBuffer(chunk)) yield chunk;
      else if (typeof chunk === 'string' || chunk instanceof Uint8Array) yield Buffer.from(chunk);
      else throw new IcapError('icap_source_error', 'stream yielded a non-binary chunk');
    }
  } catch (error) {
    throw toIcapError(error, 'icap_source_error');
  }
}
