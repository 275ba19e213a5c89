import {
  ZIdParams,
  ZListQuery,
  ZPage,
  ZServiceProfile,
  ZServiceProfileInput,
} from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createServiceProfile } from '../../domain/service-profiles/create-service-profile.ts';
import { deleteServiceProfile } from '../../domain/service-profiles/delete-service-profile.ts';
import { findServiceProfiles } from '../../domain/service-profiles/find-service-profiles.ts';
import { getServiceProfile } from '../../domain/service-profiles/get-service-profile.ts';
import { updateServiceProfile } from '../../domain/service-profiles/update-service-profile.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';
import { ZServiceProfilePatch } from '../../schemas/service-profile-schemas.ts';

const tags = ['service-profiles'];

export const serviceProfileRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/service-profiles', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'List SMTP service profiles',
      querystring: ZListQuery,
      response: { 200: ZPage(ZServiceProfile), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findServiceProfiles(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.get('/service-profiles/:id', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read an SMTP service profile with its effective settings',
      params: ZIdParams,
      response: { 200: ZServiceProfile, ...ERROR_RESPONSES },
    },
    handler: async (request) => getServiceProfile(fastify.prisma, request.params.id),
  });

  fastify.post('/service-profiles', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Create an SMTP service profile; null settings inherit from the parent',
      body: ZServiceProfileInput,
      response: { 201: ZServiceProfile, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const reason = `create service profile "${request.body.name}"`;
      const profile = await fastify.changeConfig(
        {
          request,
          reason: reason,
          action: 'create',
          objectType: 'service-profile',
        },
        (db) => createServiceProfile(db, request.body),
      );

      return reply
        .status(201)
        .header('location', `${fastify.prefix}/service-profiles/${profile.id}`)
        .send(profile);
    },
  });

  fastify.put('/service-profiles/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Replace an SMTP service profile',
      params: ZIdParams,
      body: ZServiceProfileInput,
      response: { 200: ZServiceProfile, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `replace service profile ${request.params.id}`,
          action: 'update',
          objectType: 'service-profile',
          readBefore: (db) => getServiceProfile(db, request.params.id),
        },
        (db) => updateServiceProfile(db, request.params.id, request.body),
      ),
  });

  fastify.patch('/service-profiles/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Change some fields of an SMTP service profile',
      params: ZIdParams,
      body: ZServiceProfilePatch,
      response: { 200: ZServiceProfile, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `update service profile ${request.params.id}`,
          action: 'update',
          objectType: 'service-profile',
          readBefore: (db) => getServiceProfile(db, request.params.id),
        },
        (db) => updateServiceProfile(db, request.params.id, request.body),
      ),
  });

  fastify.delete('/service-profiles/:id', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Delete an SMTP service profile nothing uses (never the system one)',
      params: ZIdParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await fastify.changeConfig(
        {
          request,
          reason: `delete service profile ${request.params.id}`,
          action: 'delete',
          objectType: 'service-profile',
          readBefore: (db) => getServiceProfile(db, request.params.id),
        },
        (db) => deleteServiceProfile(db, request.params.id),
      );

      return reply.status(204).send(null);
    },
  });
};
