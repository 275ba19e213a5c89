import { ZPage } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findViolations } from '../../domain/violations/find-violations.ts';
import { getViolation } from '../../domain/violations/get-violation.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';
import {
  ZSupportIdParams,
  ZViolationQuery,
  ZViolationView,
} from '../../schemas/violation-schemas.ts';

const tags = ['violations'];

export const violationRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/violations', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Search violations, newest first; every filter given narrows the result',
      querystring: ZViolationQuery,
      response: { 200: ZPage(ZViolationView), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findViolations(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.get('/violations/:supportId', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read the violation a Support ID names',
      params: ZSupportIdParams,
      response: { 200: ZViolationView, ...ERROR_RESPONSES },
    },
    handler: async (request) => getViolation(fastify.prisma, request.params.supportId),
  });
};
