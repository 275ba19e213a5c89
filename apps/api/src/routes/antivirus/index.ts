import { ZAntivirusOptions } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getAntivirusOptions } from '../../domain/antivirus/get-antivirus-options.ts';
import { updateAntivirusOptions } from '../../domain/antivirus/update-antivirus-options.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';

const tags = ['antivirus'];

export const antivirusRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/antivirus', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Read the Anti-Virus Protection options (the ICAP server)',
      response: { 200: ZAntivirusOptions, ...ERROR_RESPONSES },
    },
    handler: async () => getAntivirusOptions(fastify.prisma),
  });

  fastify.put('/antivirus', {
    config: { access: 'administrator' },
    schema: {
      tags,
      summary: 'Replace the Anti-Virus Protection options; what is left out takes its default',
      body: ZAntivirusOptions,
      response: { 200: ZAntivirusOptions, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      fastify.changeConfig(
        {
          request,
          reason: 'update anti-virus options',
          action: 'update',
          objectType: 'antivirus',
          objectName: 'antivirus',
          readBefore: (db) => getAntivirusOptions(db),
        },
        (db) => updateAntivirusOptions(db, request.body),
      ),
  });
};
