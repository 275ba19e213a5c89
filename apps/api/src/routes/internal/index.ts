import { ZApiError, ZSnapshot, ZWorkerReport } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordWorkerReport } from '../../domain/workers/record-worker-report.ts';
import { ZNoContent } from '../../schemas/responses.ts';
import { getLatestSnapshot } from '../../snapshots/get-latest-snapshot.ts';
import { recordRoutes } from './records.ts';
import type { TSseStream } from './sse-stream.ts';
import { streamSnapshots } from './stream-snapshots.ts';

const tags = ['internal'];
const security = [{ workerSecret: [] }];
const responses = { 401: ZApiError, '4xx': ZApiError, '5xx': ZApiError };

/**
 * The configuration channel to workers. Only the worker secret opens it; nothing
 * else does, and the secret opens nothing else.
 */
export const internalRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const streams = new Set<TSseStream>();

  fastify.addHook('onRequest', fastify.authenticateWorker);
  // Open streams would hold the server open forever; end them when it closes.
  fastify.addHook('preClose', async () => {
    for (const stream of streams) stream.close();
  });

  fastify.get('/snapshot', {
    schema: {
      tags,
      security,
      summary: 'The newest configuration snapshot',
      response: { 200: ZSnapshot, ...responses },
    },
    handler: async () => getLatestSnapshot(fastify.prisma),
  });

  fastify.get('/config-stream', {
    schema: {
      tags,
      security,
      summary: 'Server-sent events: the newest snapshot now, then each new one',
      response: {
        200: {
          description: '`event: snapshot` with one-line JSON data; `: ping` every 15 s',
          content: { 'text/event-stream': { schema: z.string() } },
        },
        ...responses,
      },
    },
    handler: async (request, reply) => streamSnapshots(fastify, request, reply, streams),
  });

  fastify.post('/workers/report', {
    schema: {
      tags,
      security,
      summary: 'A worker reports the version it applied and its live status',
      body: ZWorkerReport,
      response: { 204: ZNoContent, ...responses },
    },
    handler: async (request, reply) => {
      await recordWorkerReport(fastify.prisma, request.body);

      return reply.status(204).send(null);
    },
  });

  await fastify.register(recordRoutes);
};
