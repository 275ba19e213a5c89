import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDnsSettings } from '../../domain/system/get-dns-settings.ts';
import { getRemoteLogging } from '../../domain/system/get-remote-logging.ts';
import { updateDnsSettings } from '../../domain/system/update-dns-settings.ts';
import { updateRemoteLogging } from '../../domain/system/update-remote-logging.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';
import { ZDnsSettings, ZRemoteLogging } from '../../schemas/system-schemas.ts';

const tags = ['system'];

export const systemRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/system/dns', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read the DNS resolvers the workers use',
      response: { 200: ZDnsSettings, ...ERROR_RESPONSES },
    },
    handler: async () => getDnsSettings(fastify.prisma),
  });

  fastify.put('/system/dns', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Replace the DNS resolvers and their time limit',
      body: ZDnsSettings,
      response: { 200: ZDnsSettings, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: 'update DNS settings',
          action: 'update',
          objectType: 'dns',
          objectName: 'dns',
          readBefore: (db) => getDnsSettings(db),
        },
        (db) => updateDnsSettings(db, request.body),
      ),
  });

  fastify.get('/system/logging', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read the remote logging server',
      response: { 200: ZRemoteLogging, ...ERROR_RESPONSES },
    },
    handler: async () => getRemoteLogging(fastify.prisma),
  });

  fastify.put('/system/logging', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Replace the remote logging server',
      body: ZRemoteLogging,
      response: { 200: ZRemoteLogging, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: 'update remote logging',
          action: 'update',
          objectType: 'logging',
          objectName: 'logging',
          readBefore: (db) => getRemoteLogging(db),
        },
        (db) => updateRemoteLogging(db, request.body),
      ),
  });
};
