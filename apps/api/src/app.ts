import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_SIGN_IN_LIMITS } from './auth/sign-in-limiter.ts';
import type { TPrisma } from './db.ts';
import { accessGuardPlugin, type TAuthSettings } from './plugins/access-guard.ts';
import { configChannelPlugin } from './plugins/config-channel.ts';
import { consoleStaticPlugin } from './plugins/console-static.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { gracefulClosePlugin } from './plugins/graceful-close.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { prismaPlugin } from './plugins/prisma.ts';
import { retentionJobPlugin, type TRetentionJobOptions } from './plugins/retention-job.ts';
import { swaggerPlugin } from './plugins/swagger.ts';
import { workerAuthPlugin } from './plugins/worker-auth.ts';
import { apiV1Routes } from './routes/api-v1.ts';
import { internalRoutes } from './routes/internal/index.ts';

export type TAppOptions = {
  prisma: TPrisma;
  // The shared secret of the internal configuration channel.
  workerSecret: string;
  // For LISTEN, so changes made by other API processes reach this one's workers.
  databaseUrl?: string;
  // pino options (level, redaction) or false for none.
  logger?: FastifyServerOptions['logger'];
  // The console's static build; the API alone is served when it is absent.
  consoleDistDir?: string;
  // Prunes records past their retention in the background; none when absent.
  retentionJob?: TRetentionJobOptions;
  // Session lifetime, cookie and sign-in limits; defaults below.
  auth?: Partial<TAuthSettings>;
  // Reverse proxies whose X-Forwarded-For names the client (request.ip); none by default.
  trustedProxies?: string[];
};

const DEFAULT_AUTH: TAuthSettings = {
  ttlMs: 8 * 3_600_000,
  idleMs: 0,
  isCookieSecure: false,
  signInLimits: DEFAULT_SIGN_IN_LIMITS,
};

// Secrets travel in headers (worker secret, API tokens, session cookie, CSRF token);
// keep them out of every log line.
const REDACT = [
  'req.headers.authorization',
  'headers.authorization',
  'req.headers.cookie',
  'headers.cookie',
  'req.headers["x-csrf-token"]',
  'headers["x-csrf-token"]',
];

// Each worker reports every 2 s; logging each heartbeat would bury everything else.
// Refused reports are still logged by the error handler.
const HEARTBEAT_URL = '/internal/v1/workers/report';

/** Builds the API as a tree of plugins. It listens only when server.ts says so. */
export function buildApp(options: TAppOptions): FastifyInstance {
  const logger =
    options.logger && typeof options.logger === 'object'
      ? { redact: REDACT, ...options.logger }
      : (options.logger ?? false);
  const trustedProxies = options.trustedProxies ?? [];
  const app = Fastify({
    logger,
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    logController: new LogController({
      disableRequestLogging: (request: { url?: string }) => request.url?.startsWith(HEARTBEAT_URL) ?? false,
    }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.register(errorHandlerPlugin);
  app.register(gracefulClosePlugin);
  app.register(jsonBodyPlugin);
  app.register(prismaPlugin, { prisma: options.prisma });
  app.register(workerAuthPlugin, { workerSecret: options.workerSecret });
  // Before any route: its onRoute hook refuses API routes that declare no access.
  app.register(accessGuardPlugin, { settings: { ...DEFAULT_AUTH, ...options.auth } });
  app.register(configChannelPlugin, { databaseUrl: options.databaseUrl });
  app.register(swaggerPlugin);
  if (options.retentionJob) app.register(retentionJobPlugin, options.retentionJob);

  app.register(apiV1Routes, { prefix: '/api/v1' });
  app.register(internalRoutes, { prefix: '/internal/v1' });
  app.register(consoleStaticPlugin, { consoleDistDir: options.consoleDistDir });

  return app;
}
