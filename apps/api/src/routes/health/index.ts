import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unavailable']),
});

export const healthRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Whether the API and its database answer',
      response: { 200: ZHealth, 503: ZHealth },
    },
    handler: async (request, reply) => {
      try {
        await fastify.prisma.$queryRaw`SELECT 1`;
      } catch (error) {
        request.log.warn({ err: error }, 'database health check failed');

        return reply.status(503).send({ status: 'degraded', database: 'unavailable' });
      }

      return { status: 'ok' as const, database: 'ok' as const };
    },
  });
};
