// One RESPMOD/REQMOD exchange on one connection: the head, the optional
// preview, and the rest of the body streamed as chunks while the response is
// read, so a server that answers while still receiving cannot deadlock us.
import { createHash } from 'node:crypto';
import type { IcapConnection } from './icap-connection.ts';
import { IcapError, toIcapError } from './icap-error.ts';
import { readResponse, type TIcapResponse } from './read-response.ts';
import type { TPreviewSplit } from './take-preview.ts';

export interface TExchangePlan {
  head: Buffer;
  split: TPreviewSplit;
  isPreview: boolean;
  expectedSize: number | null;
  timeoutMs: number;
  onContinue(): void;
}

export interface TExchangeResult {
  response: TIcapResponse;
  // SHA-256 of every body byte sent, to recognise an echo.
  sentDigest: string;
  isReusable: boolean;
}

export async function runScanExchange(
  connection: IcapConnection,
  plan: TExchangePlan,
): Promise<TExchangeResult> {
  const sender = new BodyFramer(plan.expectedSize);
  connection.beginRequest();

  if (!plan.isPreview) {
    await connection.write([plan.head], plan.timeoutMs);

    return sendRestAndRead(connection, sender, plan);
  }

  // RFC 3507 section 4.5: a body that fits in the preview ends with `0; ieof`,
  // and the server answers finally; otherwise it says 100 Continue or answers early.
  const { preview, isComplete } = plan.split;
  if (isComplete) sender.assertSize(preview.length);
  const end = isComplete ? '0; ieof\r\n\r\n' : '0\r\n\r\n';
  await connection.write([plan.head, ...sender.frame(preview), end], plan.timeoutMs);
  connection.setReadTimeout(plan.timeoutMs);

  const first = await readResponse(connection);
  if (first.status !== 100) {
    return { response: first, sentDigest: sender.digest(), isReusable: first.isKeepAlive };
  }
  if (isComplete) {
    throw new IcapError('icap_protocol_error', '100 Continue after a complete preview');
  }

  plan.onContinue();

  return sendRestAndRead(connection, sender, plan);
}

async function sendRestAndRead(
  connection: IcapConnection,
  sender: BodyFramer,
  plan: TExchangePlan,
): Promise<TExchangeResult> {
  // The server may take as long as it likes to read; each write stall is bounded
  // instead, and the response clock starts once the last chunk is out.
  connection.setReadTimeout(null);
  let isSent = false;
  const writing = (async () => {
    for await (const piece of plan.split.rest) {
      if (connection.isWritingAborted) return;

      await connection.write(sender.frame(piece), plan.timeoutMs);
    }
    sender.assertSize(sender.bytes);
    await connection.write(['0\r\n\r\n'], plan.timeoutMs);
    isSent = true;
    connection.setReadTimeout(plan.timeoutMs);
  })();
  // A failed write (or source) fails the connection, which ends the read with that error.
  writing.catch((error: unknown) => connection.fail(toIcapError(error, 'icap_connection_lost')));

  try {
    const response = await readResponse(connection);
    connection.abortWrites();
    if (response.status === 100) {
      throw new IcapError('icap_protocol_error', 'unexpected 100 Continue');
    }

    return { response, sentDigest: sender.digest(), isReusable: isSent && response.isKeepAlive };
  } catch (error) {
    const failure = toIcapError(error, 'icap_connection_lost');
    connection.fail(failure);
    throw failure;
  }
}

/** Frames body pieces as chunks while hashing and counting them. */
class BodyFramer {
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly expectedSize: number | null) {}

  frame(piece: Buffer): (Buffer | string)[] {
    // A zero-length chunk would end the body early.
    if (piece.length === 0) return [];

    this.hash.update(piece);
    this.bytes += piece.length;

    return [`${piece.length.toString(16)}\r\n`, piece, '\r\n'];
  }

  assertSize(actual: number): void {
    if (this.expectedSize === null || actual === this.expectedSize) return;

    const sizes = `${actual} bytes, ${this.expectedSize} declared`;
    throw new IcapError('icap_source_error', `message has ${sizes}`);
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}
