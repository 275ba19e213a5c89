import fp from 'fastify-plugin';

/**
 * JSON bodies, parsed as Fastify does (prototype poisoning refused), except that an
 * empty body reads as no body: clients often send `Content-Type: application/json`
 * on a DELETE, and the route's schema decides whether a body was needed.
 */
export const jsonBodyPlugin = fp(
  async (fastify) => {
    const parseJson = fastify.getDefaultJsonParser('error', 'error');

    fastify.removeContentTypeParser('application/json');
    const options = { parseAs: 'string' as const };
    fastify.addContentTypeParser('application/json', options, (request, body, done) => {
      const text = body.toString();
      if (text.trim() === '') return done(null, undefined);

      return parseJson(request, text, done);
    });
  },
  { name: 'json-body' },
);
