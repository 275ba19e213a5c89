import {
  ZIdParams,
  ZListQuery,
  ZPage,
  ZSecurityProfile,
  ZSecurityProfileInput,
} from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSecurityProfile } from '../../domain/security-profiles/create-security-profile.ts';
import { deleteSecurityProfile } from '../../domain/security-profiles/delete-security-profile.ts';
import { findSecurityProfiles } from '../../domain/security-profiles/find-security-profiles.ts';
import { getSecurityProfile } from '../../domain/security-profiles/get-security-profile.ts';
import { updateSecurityProfile } from '../../domain/security-profiles/update-security-profile.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';
import { ZSecurityProfilePatch } from '../../schemas/security-profile-schemas.ts';

const tags = ['security-profiles'];

export const securityProfileRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/security-profiles', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'List SMTP security profiles by name (the first is the one assigned by default)',
      querystring: ZListQuery,
      response: { 200: ZPage(ZSecurityProfile), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { items, total } = await findSecurityProfiles(fastify.prisma, request.query);

      return { items, total, page: request.query.page, perPage: request.query.perPage };
    },
  });

  fastify.get('/security-profiles/:id', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read an SMTP security profile with every action and setting',
      params: ZIdParams,
      response: { 200: ZSecurityProfile, ...ERROR_RESPONSES },
    },
    handler: async (request) => getSecurityProfile(fastify.prisma, request.params.id),
  });

  fastify.post('/security-profiles', {
    config: { access: 'operator' },
    schema: {
      tags,
      summary: 'Create an SMTP security profile; what is left out takes its default',
      body: ZSecurityProfileInput,
      response: { 201: ZSecurityProfile, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const reason = `create security profile "${request.body.name}"`;
      const profile = await fastify.changeConfig(
        {
          request,
          reason: reason,
          action: 'create',
          objectType: 'security-profile',
        },
        (db) => createSecurityProfile(db, request.body),
      );

      return reply
        .status(201)
        .header('location', `${fastify.prefix}/security-profiles/${profile.id}`)
        .send(profile);
    },
  });

  fastify.put('/security-profiles/:id', {
    config: { access: 'operator' },
    schema: {
      tags,
      summary: 'Replace an SMTP security profile; what is left out takes its default',
      params: ZIdParams,
      body: ZSecurityProfileInput,
      response: { 200: ZSecurityProfile, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `replace security profile ${request.params.id}`,
          action: 'update',
          objectType: 'security-profile',
          readBefore: (db) => getSecurityProfile(db, request.params.id),
        },
        (db) => updateSecurityProfile(db, request.params.id, request.body),
      ),
  });

  fastify.patch('/security-profiles/:id', {
    config: { access: 'operator' },
    schema: {
      tags,
      summary: 'Change some values of an SMTP security profile; actions and settings merge',
      params: ZIdParams,
      body: ZSecurityProfilePatch,
      response: { 200: ZSecurityProfile, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: `update security profile ${request.params.id}`,
          action: 'update',
          objectType: 'security-profile',
          readBefore: (db) => getSecurityProfile(db, request.params.id),
        },
        (db) => updateSecurityProfile(db, request.params.id, request.body),
      ),
  });

  fastify.delete('/security-profiles/:id', {
    config: { access: 'operator' },
    schema: {
      tags,
      summary: 'Delete an SMTP security profile no service profile uses (never the system one)',
      params: ZIdParams,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await fastify.changeConfig(
        {
          request,
          reason: `delete security profile ${request.params.id}`,
          action: 'delete',
          objectType: 'security-profile',
          readBefore: (db) => getSecurityProfile(db, request.params.id),
        },
        (db) => deleteSecurityProfile(db, request.params.id),
      );

      return reply.status(204).send(null);
    },
  });
};
