import { ZAssignmentUpdate, ZProfileAssignments } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProfileAssignments } from '../../domain/profile-assignments/get-profile-assignments.ts';
import { updateSmtpAssignments } from '../../domain/profile-assignments/update-smtp-assignments.ts';
import { ERROR_RESPONSES } from '../../schemas/responses.ts';

const tags = ['profile-assignments'];

export const profileAssignmentRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/profile-assignments', {
    config: { access: 'guest' },
    schema: {
      tags,
      summary: 'Which security profile each service profile uses, per protocol',
      response: { 200: ZProfileAssignments, ...ERROR_RESPONSES },
    },
    handler: async () => getProfileAssignments(fastify.prisma),
  });

  fastify.put('/profile-assignments/smtp', {
    config: { access: 'operator' },
    schema: {
      tags,
      summary: 'Assign security profiles to SMTP service profiles (those not listed keep theirs)',
      body: ZAssignmentUpdate,
      response: { 200: ZProfileAssignments, ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const count = request.body.assignments.length;

      return fastify.changeConfig(
        {
          request,
          reason: `assign security profiles to ${count} service profiles`,
          action: 'update',
          objectType: 'profile-assignment',
          objectName: 'smtp',
          readBefore: (db) => getProfileAssignments(db),
        },
        (db) => updateSmtpAssignments(db, request.body.assignments),
      );
    },
  });
};
