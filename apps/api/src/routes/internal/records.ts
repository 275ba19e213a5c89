import {
  WORKER_ID_HEADER,
  ZApiError,
  ZTrafficBatch,
  ZViolationBatch,
} from '@portcullis/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ingestTraffic } from '../../domain/records/ingest-traffic.ts';
import { ingestViolations } from '../../domain/records/ingest-violations.ts';
import { ZIngestResult } from '../../schemas/record-schemas.ts';

const tags = ['internal'];
const security = [{ workerSecret: [] }];
const responses = { 401: ZApiError, '4xx': ZApiError, '5xx': ZApiError };

// A full batch (1000 violations with transcripts, 5000 traffic rows) runs to a few
// megabytes; Fastify's default limit is 1 MiB.
const BATCH_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
// Interactive transactions default to 5 s; a full batch on a busy database may need more.
const INGEST_TIMEOUT_MS = 15_000;

function workerIdOf(request: FastifyRequest): string {
  const header = request.headers[WORKER_ID_HEADER];

  return typeof header === 'string' && header !== '' ? header.slice(0, 128) : 'unknown';
}

/**
 * Violation records and traffic counters from workers. A worker retries a batch
 * until it is answered, so each is ingested once by its batch id, atomically.
 */
export const recordRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post('/violations', {
    bodyLimit: BATCH_BODY_LIMIT_BYTES,
    schema: {
      tags,
      security,
      summary: 'A worker sends a batch of violation records',
      body: ZViolationBatch,
      response: { 200: ZIngestResult, ...responses },
    },
    handler: async (request) => {
      const workerId = workerIdOf(request);
      const result = await fastify.prisma.$transaction(
        (db) => ingestViolations(db, request.body, workerId),
        { timeout: INGEST_TIMEOUT_MS },
      );
      request.log.debug({ batchId: request.body.batchId, ...result }, 'violations ingested');

      return result;
    },
  });

  fastify.post('/traffic', {
    bodyLimit: BATCH_BODY_LIMIT_BYTES,
    schema: {
      tags,
      security,
      summary: 'A worker sends a batch of per-minute traffic counters',
      body: ZTrafficBatch,
      response: { 200: ZIngestResult, ...responses },
    },
    handler: async (request) => {
      const result = await fastify.prisma.$transaction((db) => ingestTraffic(db, request.body), {
        timeout: INGEST_TIMEOUT_MS,
      });
      request.log.debug({ batchId: request.body.batchId, ...result }, 'traffic ingested');

      return result;
    },
  });
};
