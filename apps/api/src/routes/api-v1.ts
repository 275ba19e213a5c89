import type { FastifyPluginAsync } from 'fastify';
import { antivirusRoutes } from './antivirus/index.ts';
import { dashboardRoutes } from './dashboard/index.ts';
import { healthRoutes } from './health/index.ts';
import { internalParameterRoutes } from './internal-parameters/index.ts';
import { poolRoutes } from './pools/index.ts';
import { profileAssignmentRoutes } from './profile-assignments/index.ts';
import { securityProfileRoutes } from './security-profiles/index.ts';
import { serviceProfileRoutes } from './service-profiles/index.ts';
import { statisticsRoutes } from './statistics/index.ts';
import { systemRoutes } from './system/index.ts';
import { violationRoutes } from './violations/index.ts';
import { virtualServerRoutes } from './virtual-servers/index.ts';
import { workerRoutes } from './workers/index.ts';

/** The public REST API, mounted at /api/v1. */
export const apiV1Routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(poolRoutes);
  await fastify.register(virtualServerRoutes);
  await fastify.register(serviceProfileRoutes);
  await fastify.register(securityProfileRoutes);
  await fastify.register(profileAssignmentRoutes);
  await fastify.register(antivirusRoutes);
  await fastify.register(internalParameterRoutes);
  await fastify.register(violationRoutes);
  await fastify.register(statisticsRoutes);
  await fastify.register(dashboardRoutes);
  await fastify.register(systemRoutes);
  await fastify.register(workerRoutes);
  await fastify.register(healthRoutes);
};
