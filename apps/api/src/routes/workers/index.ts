import { ZListQuery, ZPage, ZWorkerState } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findWorkers } from '../../domain/workers/find-workers.ts';
import { getLatestVersion } from '../../snapshots/get-latest-version.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';

const tags = ['workers'];

export const workerRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/workers', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'List the workers, whether they are alive and run the newest configuration',
      querystring: ZListQuery,
      response: { 200: ZPage(ZWorkerState), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findWorkers(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.get('/config/version', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'The newest configuration snapshot version',
      response: { 200: z.object({ version: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async () => ({ version: await getLatestVersion(fastify.prisma) }),
  });
};
