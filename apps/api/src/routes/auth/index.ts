import { ZPasswordChange, ZSessionInfo, ZSignIn } from '@portcullis/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toClearedSessionCookie, toSessionCookie } from '../../auth/session-cookie.ts';
import { changePassword } from '../../domain/sessions/change-password.ts';
import { revokeSession } from '../../domain/sessions/revoke-session.ts';
import { signIn } from '../../domain/sessions/sign-in.ts';
import { AppError } from '../../errors/app-error.ts';
import { clientAddressOf } from '../../net/client-address.ts';
import { ERROR_RESPONSES, ZNoContent } from '../../schemas/responses.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const settings = fastify.authSettings;
  const cookieOptions = { isSecure: settings.isCookieSecure };

  fastify.post('/auth/sign-in', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Sign in with a username and password; sets the session cookie',
      body: ZSignIn,
      response: { 200: ZSessionInfo, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { username } = request.body;
      const address = clientAddressOf(request);
      const waitSeconds = fastify.signInLimiter.retryAfterSeconds(username, address);
      if (waitSeconds > 0) {
        reply.header('retry-after', String(waitSeconds));
        throw new AppError('TOO_MANY_ATTEMPTS', `too many failed sign-ins; try again in ${waitSeconds} s`);
      }

      try {
        const signedIn = await signIn(fastify.prisma, request.body, address, settings.ttlMs);
        fastify.signInLimiter.recordSuccess(username, address);
        const cookie = toSessionCookie(signedIn.sessionSecret, signedIn.expiresAtDate, cookieOptions);
        reply.header('set-cookie', cookie);

        return { user: signedIn.user, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
      } catch (error) {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
          fastify.signInLimiter.recordFailure(username, address);
        }
        throw error;
      }
    },
  });

  fastify.get('/auth/session', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The signed-in user, with the CSRF token for writes',
      response: { 200: ZSessionInfo, ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const principal = fastify.requirePrincipal(request);
      if (principal.via !== 'session') {
        throw new AppError('UNAUTHENTICATED', 'an API token has no session; sign in to open one');
      }

      return {
        user: { username: principal.username, role: principal.role },
        csrfToken: principal.csrfToken,
        expiresAt: principal.expiresAt.toISOString(),
      };
    },
  });

  fastify.post('/auth/sign-out', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'End the current session and clear its cookie',
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const principal = fastify.requirePrincipal(request);
      if (principal.via === 'session') {
        const who = fastify.auditActorOf(request);
        await revokeSession(fastify.prisma, principal.sessionId, principal.userId, who, 'sign-out');
      }

      return reply.status(204).header('set-cookie', toClearedSessionCookie(cookieOptions)).send(null);
    },
  });

  fastify.post('/auth/password', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change your own password; your other sessions end',
      body: ZPasswordChange,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const principal = fastify.requirePrincipal(request);
      await changePassword(fastify.prisma, principal, request.body, fastify.auditActorOf(request));

      return reply.status(204).send(null);
    },
  });
};
