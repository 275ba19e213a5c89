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
    schema: {
      tags,
      summary: 'Read the DNS resolvers the workers use',
      response: { 200: ZDnsSettings, ...ERROR_RESPONSES },
    },
    handler: async () => getDnsSettings(fastify.prisma),
  });

  fastify.put('/system/dns', {
    schema: {
      tags,
      summary: 'Replace the DNS resolvers and their time limit',
      body: ZDnsSettings,
      response: { 200: ZDnsSettings, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig('update DNS settings', (db) => updateDnsSettings(db, request.body)),
  });

  fastify.get('/system/logging', {
    schema: {
      tags,
      summary: 'Read the remote logging server',
      response: { 200: ZRemoteLogging, ...ERROR_RESPONSES },
    },
    handler: async () => getRemoteLogging(fastify.prisma),
  });

  fastify.put('/system/logging', {
    schema: {
      tags,
      summary: 'Replace the remote logging server',
      body: ZRemoteLogging,
      response: { 200: ZRemoteLogging, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig('update remote logging', (db) => updateRemoteLogging(db, request.body)),
  });
};
