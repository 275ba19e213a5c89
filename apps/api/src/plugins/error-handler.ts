import fp from 'fastify-plugin';
import { toErrorReply } from '../errors/to-error-reply.ts';

/**
 * One error handler for every route: validation failures, domain errors and
 * database errors all become `{ error: { code, message, field? } }` here.
 * Refusals (4xx) are logged at info; our own faults (5xx) at error, with the
 * cause, while the client gets a generic body.
 */
export const errorHandlerPlugin = fp(
  async (fastify) => {
    fastify.setErrorHandler((error, request, reply) => {
      const { statusCode, body } = toErrorReply(error);

      if (statusCode >= 500) {
        request.log.error({ err: error }, 'request failed');
      } else {
        request.log.info({ code: body.error.code, field: body.error.field }, 'request refused');
      }

      return reply.status(statusCode).send(body);
    });
  },
  { name: 'error-handler' },
);
