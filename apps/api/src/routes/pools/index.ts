import {
  ZIdParams,
  ZListQuery,
  ZPage,
  ZPool,
  ZPoolInput,
  ZPoolMemberInput,
} from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addPoolMember } from '../../domain/pools/add-pool-member.ts';
import { createPool } from '../../domain/pools/create-pool.ts';
import { deletePoolMember } from '../../domain/pools/delete-pool-member.ts';
import { deletePool } from '../../domain/pools/delete-pool.ts';
import { findPools } from '../../domain/pools/find-pools.ts';
import { getPool } from '../../domain/pools/get-pool.ts';
import { updatePool } from '../../domain/pools/update-pool.ts';
import { ZPoolMemberParams, ZPoolPatch } from '../../schemas/pool-schemas.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';

const tags = ['pools'];

export const poolRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/pools', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'List pools',
      querystring: ZListQuery,
      response: { 200: ZPage(ZPool), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findPools(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.get('/pools/:id', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read a pool',
      params: ZIdParams,
      response: { 200: ZPool, ...ERROR_RESPONSES },
    },
    handler: async (request) => getPool(fastify.prisma, request.params.id),
  });

  fastify.post('/pools', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Create a pool with its members',
      body: ZPoolInput,
      response: { 201: ZPool, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const pool = await fastify.changeConfig(
        {
          request,
          reason: `create pool "${request.body.name}"`,
          action: 'create',
          objectType: 'pool',
        },
        (db) => createPool(db, request.body),
      );

      return reply.status(201).header('location', `${fastify.prefix}/pools/${pool.id}`).send(pool);
    },
  });

  fastify.put('/pools/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Replace a pool, members included',
      params: ZIdParams,
      body: ZPoolInput,
      response: { 200: ZPool, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `replace pool ${request.params.id}`,
          action: 'update',
          objectType: 'pool',
          readBefore: (db) => getPool(db, request.params.id),
        },
        (db) => updatePool(db, request.params.id, request.body),
      ),
  });

  fastify.patch('/pools/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Change some fields of a pool; a members list replaces the members',
      params: ZIdParams,
      body: ZPoolPatch,
      response: { 200: ZPool, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `update pool ${request.params.id}`,
          action: 'update',
          objectType: 'pool',
          readBefore: (db) => getPool(db, request.params.id),
        },
        (db) => updatePool(db, request.params.id, request.body),
      ),
  });

  fastify.delete('/pools/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Delete a pool no virtual server uses',
      params: ZIdParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await fastify.changeConfig(
        {
          request,
          reason: `delete pool ${request.params.id}`,
          action: 'delete',
          objectType: 'pool',
          readBefore: (db) => getPool(db, request.params.id),
        },
        (db) => deletePool(db, request.params.id),
      );

      return reply.status(204).send(null);
    },
  });

  fastify.post('/pools/:id/members', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Add a member to a pool',
      params: ZIdParams,
      body: ZPoolMemberInput,
      response: { 201: ZPool, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const pool = await fastify.changeConfig(
        {
          request,
          reason: `add member to pool ${request.params.id}`,
          action: 'update',
          objectType: 'pool',
          readBefore: (db) => getPool(db, request.params.id),
        },
        (db) => addPoolMember(db, request.params.id, request.body),
      );

      return reply.status(201).send(pool);
    },
  });

  fastify.delete('/pools/:id/members/:memberId', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Remove a member from a pool',
      params: ZPoolMemberParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { id, memberId } = request.params;
      await fastify.changeConfig(
        {
          request,
          reason: `remove member ${memberId} from pool ${id}`,
          action: 'update',
          objectType: 'pool',
          readBefore: (db) => getPool(db, id),
        },
        (db) => deletePoolMember(db, id, memberId),
      );

      return reply.status(204).send(null);
    },
  });
};
