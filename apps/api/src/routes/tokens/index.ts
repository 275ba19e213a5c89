import { ZApiToken, ZApiTokenCreated, ZApiTokenInput, ZIdParams } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../domain/tokens/create-api-token.ts';
import { findApiTokens } from '../../domain/tokens/find-api-tokens.ts';
import { revokeApiToken } from '../../domain/tokens/revoke-api-token.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';

const tags = ['auth'];
const config = { access: 'signed-in' as const };

export const tokenRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/tokens', {
    config,
    schema: {
      tags,
      summary: 'Your API tokens, revoked and expired ones included',
      response: { 200: z.object({ items: z.array(ZApiToken) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const principal = fastify.requirePrincipal(request);

      return { items: await findApiTokens(fastify.prisma, principal.userId) };
    },
  });

  fastify.post('/tokens', {
    config,
    schema: {
      tags,
      summary: 'Create an API token for yourself; the answer is the only time it is shown',
      body: ZApiTokenInput,
      response: { 201: ZApiTokenCreated, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const principal = fastify.requirePrincipal(request);
      const created = await createApiToken(
        fastify.prisma,
        principal,
        request.body,
        fastify.auditActorOf(request),
      );

      return reply.status(201).send(created);
    },
  });

  fastify.delete('/tokens/:id', {
    config,
    schema: {
      tags,
      summary: 'Revoke one of your API tokens',
      params: ZIdParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const principal = fastify.requirePrincipal(request);
      const who = fastify.auditActorOf(request);
      await revokeApiToken(fastify.prisma, request.params.id, principal, who);

      return reply.status(204).send(null);
    },
  });
};
