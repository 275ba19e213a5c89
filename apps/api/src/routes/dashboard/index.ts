import { Prisma } from '@portcullis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDashboard } from '../../domain/dashboard/get-dashboard.ts';
import { resolveDashboardWindow } from '../../domain/dashboard/resolve-dashboard-window.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';
import { ZDashboard, ZDashboardQuery } from '../../schemas/dashboard-schemas.ts';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/dashboard', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Traffic and violations of the last hour, day or week, for charts',
      querystring: ZDashboardQuery,
      response: { 200: ZDashboard, ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const window = resolveDashboardWindow(request.query);

      return fastify.prisma.$transaction((db) => getDashboard(db, window, request.query.top), {
        isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      });
    },
  });
};
