import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/index.ts';
import { poolRoutes } from './pools/index.ts';
import { serviceProfileRoutes } from './service-profiles/index.ts';
import { virtualServerRoutes } from './virtual-servers/index.ts';
import { workerRoutes } from './workers/index.ts';

/** The public REST API, mounted at /api/v1. */
export const apiV1Routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(poolRoutes);
  await fastify.register(virtualServerRoutes);
  await fastify.register(serviceProfileRoutes);
  await fastify.register(workerRoutes);
  await fastify.register(healthRoutes);
};
