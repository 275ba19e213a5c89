import fp from 'fastify-plugin';
import type { TPrisma } from '../db.ts';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: TPrisma;
  }
}

type TPrismaPluginOptions = { prisma: TPrisma };

/**
 * Makes the Prisma client available as `fastify.prisma`. The caller created it
 * and disconnects it (server.ts, or a test), because it outlives the app in tests.
 */
export const prismaPlugin = fp<TPrismaPluginOptions>(
  async (fastify, options) => {
    fastify.decorate('prisma', options.prisma);
  },
  { name: 'prisma' },
);
