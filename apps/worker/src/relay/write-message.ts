import type net from 'node:net';
import type { Readable } from 'node:stream';
import { WorkerError } from '../errors/worker-error.ts';
import { BACKEND_TIMEOUTS_MS } from './backend/backend-timeouts.ts';
import { DotStuffer } from './dot-stuffer.ts';
import type { TMessageFilter } from './message-filter.ts';

export type TWriteOutcome = 'sent' | 'too_large' | 'refused' | 'client_gone';

/** The client's data stream, or a message held for its scan (which is never too large). */
export type TMessageSource = Readable & { readonly sizeExceeded?: boolean };

/**
 * Streams the client's message to the member: the Received header, the data
 * dot-stuffed, then the end-of-data mark. Memory stays bounded: the client's
 * stream is paused whenever the member's socket is full. Writes are corked so a
 * small message leaves in one segment and a large one in socket-sized batches
 * (FACTS.md: with TCP_NODELAY set, line-sized writes cost half the throughput).
 *
 * A filter (the security profile's data checks) sees every chunk first and may change
 * it or refuse the message ('refused').
 *
 * Resolves 'client_gone', 'too_large' or 'refused' without ever writing the final dot,
 * so the member never takes a truncated message; the caller must drop the connection
 * then. Rejects with a WorkerError when the member's connection fails.
 */
export function writeMessage(
  socket: net.Socket,
  header: Buffer,
  source: TMessageSource,
  filter: TMessageFilter | null = null,
): Promise<TWriteOutcome> {
  const stuffer = new DotStuffer();

  return new Promise((resolve, reject) => {
    let isCorked = true;
    let isDone = false;

    const finish = (error: Error | null, outcome: TWriteOutcome) => {
      if (isDone) return;

      isDone = true;
      source.removeListener('data', onData);
      source.removeListener('end', onEnd);
      source.removeListener('close', onSourceClose);
      source.removeListener('error', onSourceClose);
      socket.removeListener('drain', onDrain);
      socket.removeListener('close', onSocketClose);
      socket.removeListener('error', onSocketClose);
      socket.removeListener('timeout', onTimeout);
      socket.setTimeout(0);
      if (isCorked) socket.uncork();
      if (error) reject(error);
      else resolve(outcome);
    };

    const onData = (chunk: Buffer) => {
      // The filter first: a profile's size limit is judged (and recorded) there.
      const passed = filter ? filter.push(chunk) : chunk;
      if (!passed) return finish(null, 'refused');
      if (source.sizeExceeded) return finish(null, 'too_large');
      if (socket.write(stuffer.stuff(passed))) return;

      // Full: send what is batched and stop reading the client until it drains.
      source.pause();
      isCorked = false;
      socket.uncork();
      socket.once('drain', onDrain);
    };
    const onDrain = () => {
      socket.cork();
      isCorked = true;
      source.resume();
    };
    const onEnd = () => {
      if (source.sizeExceeded) return finish(null, 'too_large');

      socket.write(stuffer.finish());
      finish(null, 'sent');
    };
    const onSourceClose = () => finish(null, 'client_gone');
    const onSocketClose = () => {
      finish(new WorkerError('BACKEND_CLOSED', 'member closed during DATA'), 'sent');
    };
    // A listener of our own: socket.setTimeout(ms, callback) would add one per message
    // on a reused connection and never remove it.
    const onTimeout = () => {
      finish(new WorkerError('BACKEND_TIMEOUT', 'member stopped taking message data'), 'sent');
    };

    socket.cork();
    socket.write(header);
    socket.setTimeout(BACKEND_TIMEOUTS_MS.dataBlock);
    socket.on('timeout', onTimeout);
    socket.on('close', onSocketClose);
    socket.on('error', onSocketClose);
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('close', onSourceClose);
    source.once('error', onSourceClose);
  });
}
