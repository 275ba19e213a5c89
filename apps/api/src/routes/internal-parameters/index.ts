import { ZInternalParameter, ZListQuery, ZPage } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  findInternalParameters,
} from '../../domain/internal-parameters/find-internal-parameters.ts';
import { getInternalParameter } from '../../domain/internal-parameters/get-internal-parameter.ts';
import {
  resetInternalParameter,
} from '../../domain/internal-parameters/reset-internal-parameter.ts';
import {
  updateInternalParameter,
} from '../../domain/internal-parameters/update-internal-parameter.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';

const tags = ['advanced-configuration'];
const ZNameParams = z.object({ name: z.string().min(1).max(64) });
const ZValueBody = z.object({ value: z.string().max(1024).describe('the new value, as text') });

export const internalParameterRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/internal-parameters', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'List the internal parameters with value, default and description',
      querystring: ZListQuery,
      response: { 200: ZPage(ZInternalParameter), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findInternalParameters(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.put('/internal-parameters/:name', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: "Set an internal parameter's value",
      params: ZNameParams,
      body: ZValueBody,
      response: { 200: ZInternalParameter, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `set internal parameter ${request.params.name}`,
          action: 'update',
          objectType: 'internal-parameter',
          objectName: request.params.name,
          readBefore: (db) => getInternalParameter(db, request.params.name),
        },
        (db) => updateInternalParameter(db, request.params.name, request.body.value),
      ),
  });

  fastify.post('/internal-parameters/:name/reset', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Put an internal parameter back to its default',
      params: ZNameParams,
      response: { 200: ZInternalParameter, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `reset internal parameter ${request.params.name}`,
          action: 'update',
          objectType: 'internal-parameter',
          objectName: request.params.name,
          readBefore: (db) => getInternalParameter(db, request.params.name),
        },
        (db) => resetInternalParameter(db, request.params.name),
      ),
  });
};
