import { ZSessionItem } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findSessions } from '../../domain/sessions/find-sessions.ts';
import { revokeSession } from '../../domain/sessions/revoke-session.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';

const tags = ['auth'];
const config = { access: 'signed-in' as const };

export const sessionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  // Administrators see and end everyone's sessions; others only their own.
  const scopeOf = (role: string, userId: number) => (role === 'ADMINISTRATOR' ? null : userId);

  fastify.get('/sessions', {
    config,
    schema: {
      tags,
      summary: 'Live sessions: your own, or everyone’s for an administrator',
      response: { 200: z.object({ items: z.array(ZSessionItem) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const principal = fastify.requirePrincipal(request);
      const currentId = principal.via === 'session' ? principal.sessionId : undefined;
      const scope = scopeOf(principal.role, principal.userId);

      return { items: await findSessions(fastify.prisma, scope, currentId) };
    },
  });

  fastify.delete('/sessions/:id', {
    config,
    schema: {
      tags,
      summary: 'End a session',
      params: z.object({ id: z.string().min(1).max(100) }),
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const principal = fastify.requirePrincipal(request);
      const scope = scopeOf(principal.role, principal.userId);
      await revokeSession(fastify.prisma, request.params.id, scope, fastify.auditActorOf(request));

      return reply.status(204).send(null);
    },
  });
};
