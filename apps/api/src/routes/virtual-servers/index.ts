import {
  ZIdParams,
  ZListQuery,
  ZPage,
  ZVirtualServer,
  ZVirtualServerInput,
} from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createVirtualServer } from '../../domain/virtual-servers/create-virtual-server.ts';
import { deleteVirtualServer } from '../../domain/virtual-servers/delete-virtual-server.ts';
import { findVirtualServers } from '../../domain/virtual-servers/find-virtual-servers.ts';
import { getVirtualServer } from '../../domain/virtual-servers/get-virtual-server.ts';
import { updateVirtualServer } from '../../domain/virtual-servers/update-virtual-server.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';
import { ZVirtualServerPatch } from '../../schemas/virtual-server-schemas.ts';

const tags = ['virtual-servers'];

export const virtualServerRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/virtual-servers', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'List virtual servers',
      querystring: ZListQuery,
      response: { 200: ZPage(ZVirtualServer), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findVirtualServers(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.get('/virtual-servers/:id', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read a virtual server',
      params: ZIdParams,
      response: { 200: ZVirtualServer, ...ERROR_RESPONSES },
    },
    handler: async (request) => getVirtualServer(fastify.prisma, request.params.id),
  });

  fastify.post('/virtual-servers', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Create a virtual server',
      body: ZVirtualServerInput,
      response: { 201: ZVirtualServer, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const reason = `create virtual server "${request.body.name}"`;
      const server = await fastify.changeConfig(
        {
          request,
          reason: reason,
          action: 'create',
          objectType: 'virtual-server',
        },
        (db) => createVirtualServer(db, request.body),
      );

      return reply
        .status(201)
        .header('location', `${fastify.prefix}/virtual-servers/${server.id}`)
        .send(server);
    },
  });

  fastify.put('/virtual-servers/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Replace a virtual server',
      params: ZIdParams,
      body: ZVirtualServerInput,
      response: { 200: ZVirtualServer, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `replace virtual server ${request.params.id}`,
          action: 'update',
          objectType: 'virtual-server',
          readBefore: (db) => getVirtualServer(db, request.params.id),
        },
        (db) => updateVirtualServer(db, request.params.id, request.body),
      ),
  });

  fastify.patch('/virtual-servers/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Change some fields of a virtual server',
      params: ZIdParams,
      body: ZVirtualServerPatch,
      response: { 200: ZVirtualServer, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `update virtual server ${request.params.id}`,
          action: 'update',
          objectType: 'virtual-server',
          readBefore: (db) => getVirtualServer(db, request.params.id),
        },
        (db) => updateVirtualServer(db, request.params.id, request.body),
      ),
  });

  fastify.delete('/virtual-servers/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Delete a virtual server',
      params: ZIdParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await fastify.changeConfig(
        {
          request,
          reason: `delete virtual server ${request.params.id}`,
          action: 'delete',
          objectType: 'virtual-server',
          readBefore: (db) => getVirtualServer(db, request.params.id),
        },
        (db) => deleteVirtualServer(db, request.params.id),
      );

      return reply.status(204).send(null);
    },
  });
};
