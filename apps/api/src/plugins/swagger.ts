import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '@portcullis/contracts';

export const OPENAPI_PATH = '/api/v1/openapi.json';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

const TAGS = [
  { name: 'pools', description: 'Local Traffic: pools and their members' },
  { name: 'virtual-servers', description: 'Local Traffic: virtual servers' },
  { name: 'service-profiles', description: 'Local Traffic: SMTP service profiles' },
  { name: 'security-profiles', description: 'Protocol Security: SMTP security profiles' },
  { name: 'profile-assignments', description: 'Protocol Security: profiles assignment' },
  { name: 'antivirus', description: 'Protocol Security: anti-virus protection (ICAP)' },
  { name: 'advanced-configuration', description: 'Protocol Security: internal parameters' },
  { name: 'violations', description: 'Protocol Security: violations recorded by workers' },
  { name: 'statistics', description: 'Protocol Security: violation and traffic statistics' },
  { name: 'dashboard', description: 'Traffic and violations over time, for charts' },
  { name: 'workers', description: 'The SMTP workers and the configuration they run' },
  { name: 'system', description: 'Health of the API, DNS resolvers, remote logging server' },
  { name: 'auth', description: 'Sign-in, sessions, your password and API tokens' },
  { name: 'users', description: 'Users and their roles (administrators)' },
  { name: 'audit', description: 'Who changed what, when and from where (administrators)' },
  { name: 'internal', description: 'The configuration channel to workers (worker secret)' },
];

/**
 * The OpenAPI 3 document, generated from the same Zod schemas the routes validate
 * and serialise with, so it cannot drift from what the API does.
 */
export const swaggerPlugin = fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Portcullis REST API',
          description: 'Configure the Portcullis SMTP security gateway.',
          version,
        },
        tags: TAGS,
        security: [{ apiToken: [] }, { sessionCookie: [] }],
        components: {
          securitySchemes: {
            apiToken: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API token (pct_...) from POST /api/v1/tokens',
            },
            sessionCookie: {
              type: 'apiKey',
              in: 'cookie',
              name: SESSION_COOKIE,
              description: 'From POST /api/v1/auth/sign-in; writes also need the x-csrf-token header',
            },
            workerSecret: {
              type: 'http',
              scheme: 'bearer',
              description: 'PORTCULLIS_WORKER_SECRET',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
    });

    fastify.get(
      OPENAPI_PATH,
      { schema: { hide: true }, config: { access: 'guest' } },
      async () => fastify.swagger(),
    );
  },
  { name: 'swagger', dependencies: ['access-guard'] },
);
