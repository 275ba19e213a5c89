import { ZAuditPage, ZAuditQuery } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAuditEntries } from '../../domain/audit/find-audit-entries.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/audit', {
    config: { access: 'administrator' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first: who changed what, when, from where',
      querystring: ZAuditQuery,
      response: { 200: ZAuditPage, ...ERROR_RESPONSES },
    },
    handler: async (request) => findAuditEntries(fastify.prisma, request.query),
  });
};
