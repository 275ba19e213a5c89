import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { WORKER_AUTH_HEADER, WORKER_ID_HEADER } from '@portcullis/contracts';
import { AppError } from '../errors/app-error.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for the internal routes: only the worker secret gets in. */
    authenticateWorker(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

type TWorkerAuthOptions = { workerSecret: string };

// Hashing first gives both sides the same length, which timingSafeEqual needs, so
// the comparison takes the same time whatever the caller sent.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function readBearer(request: FastifyRequest): string | undefined {
  const header = request.headers[WORKER_AUTH_HEADER];
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;

  return match?.[1];
}

/**
 * Authentication of workers on the internal configuration channel. The secret is
 * accepted there and nowhere else: user-facing routes never look at it.
 */
export const workerAuthPlugin = fp<TWorkerAuthOptions>(
  async (fastify, options) => {
    const expected = digest(options.workerSecret);

    fastify.decorate('authenticateWorker', async (request: FastifyRequest, reply: FastifyReply) => {
      const presented = readBearer(request);
      if (!presented || !timingSafeEqual(digest(presented), expected)) {
        // RFC 9110 section 11.6.1: a 401 names the scheme that would be accepted.
        reply.header('www-authenticate', 'Bearer realm="portcullis-workers"');
        throw new AppError(
          'UNAUTHENTICATED',
          'send the worker secret as "Authorization: Bearer <PORTCULLIS_WORKER_SECRET>"',
        );
      }

      const workerId = request.headers[WORKER_ID_HEADER];
      if (typeof workerId === 'string') request.log = request.log.child({ workerId });
    });
  },
  { name: 'worker-auth' },
);
