import type { TSnapshot } from '@portcullis/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getLatestSnapshot } from '../../snapshots/get-latest-snapshot.ts';
import { openSseStream, type TSseStream } from './sse-stream.ts';

/**
 * Streams snapshots to one worker: the newest now, then each new version. It
 * subscribes before reading the newest, so a version published in between is not
 * missed; versions only go forward, so nothing is sent twice or out of order.
 */
export async function streamSnapshots(
  fastify: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  openStreams: Set<TSseStream>,
): Promise<void> {
  let lastSent = 0;
  let stream: TSseStream | undefined;
  const early: TSnapshot[] = [];
  const deliver = (snapshot: TSnapshot) => {
    if (!stream) return void early.push(snapshot);
    if (snapshot.version <= lastSent) return;

    lastSent = snapshot.version;
    stream.send('snapshot', snapshot.version, snapshot);
  };
  const unsubscribe = fastify.snapshotHub.subscribe(deliver);

  let latest: TSnapshot;
  try {
    latest = await getLatestSnapshot(fastify.prisma);
  } catch (error) {
    unsubscribe();
    throw error;
  }

  reply.hijack();
  const opened = openSseStream(reply.raw);
  openStreams.add(opened);
  opened.onClose(() => {
    unsubscribe();
    openStreams.delete(opened);
    request.log.info({ lastSent }, 'config stream closed');
  });
  request.log.info({ version: latest.version }, 'config stream opened');

  stream = opened;
  for (const snapshot of [latest, ...early]) deliver(snapshot);
}
