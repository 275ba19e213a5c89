import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countViolations } from '../../domain/statistics/count-violations.ts';
import { resolveRange } from '../../domain/statistics/resolve-range.ts';
import { sumTraffic } from '../../domain/statistics/sum-traffic.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';
import {
  ZStatisticsRange,
  ZTrafficQuery,
  ZTrafficStatistics,
  ZViolationStatistics,
} from '../../schemas/statistics-schemas.ts';

const tags = ['statistics'];

export const statisticsRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/statistics/violations', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Violations in a time range, counted by protocol and by violation',
      querystring: ZStatisticsRange,
      response: { 200: ZViolationStatistics, ...ERROR_RESPONSES },
    },
    handler: async (request) => countViolations(fastify.prisma, resolveRange(request.query)),
  });

  fastify.get('/statistics/traffic', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Traffic in a time range per security profile and virtual server',
      querystring: ZTrafficQuery,
      response: { 200: ZTrafficStatistics, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      sumTraffic(fastify.prisma, resolveRange(request.query), request.query),
  });
};
