import { ZUser, ZUserInput, ZUsernameParams, ZUserPatch } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser } from '../../domain/users/create-user.ts';
import { deleteUser } from '../../domain/users/delete-user.ts';
import { getUserRow } from '../../domain/users/get-user-row.ts';
import { toUserView } from '../../domain/users/to-user-view.ts';
import { updateUser } from '../../domain/users/update-user.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';

const tags = ['users'];
const config = { access: 'administrator' as const };

export const userRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/users', {
    config,
    schema: {
      tags,
      summary: 'List the users',
      response: { 200: z.object({ items: z.array(ZUser) }), ...ERROR_RESPONSES },
    },
    handler: async () => {
      const rows = await fastify.prisma.user.findMany({ orderBy: { username: 'asc' } });

      return { items: rows.map(toUserView) };
    },
  });

  fastify.post('/users', {
    config,
    schema: {
      tags,
      summary: 'Create a user with a role',
      body: ZUserInput,
      response: { 201: ZUser, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const user = await createUser(fastify.prisma, request.body, fastify.auditActorOf(request));

      return reply.status(201).header('location', `${fastify.prefix}/users/${user.username}`).send(user);
    },
  });

  fastify.get('/users/:username', {
    config,
    schema: {
      tags,
      summary: 'Read a user',
      params: ZUsernameParams,
      response: { 200: ZUser, ...ERROR_RESPONSES },
    },
    handler: async (request) => toUserView(await getUserRow(fastify.prisma, request.params.username)),
  });

  fastify.patch('/users/:username', {
    config,
    schema: {
      tags,
      summary: "Change a user's role, state or password; their sessions and tokens end",
      params: ZUsernameParams,
      body: ZUserPatch,
      response: { 200: ZUser, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      updateUser(fastify.prisma, request.params.username, request.body, fastify.auditActorOf(request)),
  });

  fastify.delete('/users/:username', {
    config,
    schema: {
      tags,
      summary: 'Delete a user with their sessions and tokens (not yourself, not the last administrator)',
      params: ZUsernameParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const principal = fastify.requirePrincipal(request);
      const who = fastify.auditActorOf(request);
      await deleteUser(fastify.prisma, request.params.username, principal.userId, who);

      return reply.status(204).send(null);
    },
  });
};
