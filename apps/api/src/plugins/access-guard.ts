import { CSRF_HEADER, hasRole } from '@portcullis/contracts';
import type { FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import {
  ACCESS_LEVELS,
  ROLE_OF_ACCESS,
  toAuditActor,
  type TAccess,
  type TPrincipal,
} from '../auth/principal.ts';
import { resolveApiToken, resolveSession, type TSessionPolicy } from '../auth/resolve-caller.ts';
import { isSameSecret } from '../auth/secret-token.ts';
import { readSessionCookie } from '../auth/session-cookie.ts';
import { SignInLimiter, type TSignInLimits } from '../auth/sign-in-limiter.ts';
import type { TAuditActor } from '../domain/audit/record-audit-entry.ts';
import { AppError } from '../errors/app-error.ts';
import { clientAddressOf } from '../net/client-address.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; required of every route under /api/v1. */
    access?: TAccess;
  }
  interface FastifyRequest {
    /** The caller, set by the guard on every route that is not public. */
    principal: TPrincipal | null;
  }
  interface FastifyInstance {
    authSettings: TAuthSettings;
    signInLimiter: SignInLimiter;
    /** The signed-in caller; throws on a public route that has none. */
    requirePrincipal(request: FastifyRequest): TPrincipal;
    /** The caller as the audit log names them. */
    auditActorOf(request: FastifyRequest): TAuditActor;
  }
}

export type TAuthSettings = TSessionPolicy & {
  // Adds Secure to the session cookie: set it when the console is served over HTTPS.
  isCookieSecure: boolean;
  signInLimits: TSignInLimits;
};

const GUARDED_PREFIX = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const IS_GUARD = Symbol('access-guard');

function unauthenticated(reply: FastifyReply, message: string): AppError {
  // RFC 9110 section 11.6.1: a 401 names a scheme the server would accept.
  reply.header('www-authenticate', 'Bearer realm="portcullis"');

  return new AppError('UNAUTHENTICATED', message);
}

function readBearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;

  return match?.[1] ?? undefined;
}

function hasGuard(route: RouteOptions): boolean {
  const hooks = [route.onRequest ?? []].flat() as Array<{ [IS_GUARD]?: true }>;

  return hooks.some((hook) => hook[IS_GUARD]);
}

/**
 * Every route under /api/v1 says who may call it (`config.access`); a route that
 * does not stops the app from starting, so no route ships unguarded. The guard
 * runs before the body is read: an anonymous caller gets 401 and a caller of too
 * low a role 403 whatever they send. Writes with the session cookie must carry the
 * session's CSRF token; bearer tokens need none, since no browser adds them by itself.
 * The worker secret is not a credential here: it opens /internal/v1 only.
 */
export const accessGuardPlugin = fp<{ settings: TAuthSettings }>(
  async (fastify, options) => {
    fastify.decorate('authSettings', options.settings);
    fastify.decorate('signInLimiter', new SignInLimiter(options.settings.signInLimits));
    fastify.decorateRequest('principal', null);

    const identify = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.headers.authorization !== undefined) {
        const token = readBearer(request);
        const principal = token ? await resolveApiToken(fastify.prisma, token) : undefined;
        if (!principal) throw unauthenticated(reply, 'the API token is unknown, expired or revoked');

        return principal;
      }

      const sessionSecret = readSessionCookie(request.headers.cookie);
      const principal = sessionSecret
        ? await resolveSession(fastify.prisma, sessionSecret, options.settings)
        : undefined;
      if (!principal) {
        throw unauthenticated(reply, 'sign in, or send an API token as "Authorization: Bearer <token>"');
      }

      return principal;
    };

    const guard: onRequestHookHandler = async (request, reply) => {
      const access = request.routeOptions.config.access;
      if (access === 'public') return;

      const principal = await identify(request, reply);
      request.principal = principal;

      if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
        const presented = request.headers[CSRF_HEADER];
        if (typeof presented !== 'string' || !isSameSecret(presented, principal.csrfToken)) {
          const message = `send the session's csrfToken in the ${CSRF_HEADER} header`;
          throw new AppError('CSRF_TOKEN_INVALID', message);
        }
      }

      const required = access ? ROLE_OF_ACCESS[access] : undefined;
      if (required && !hasRole(principal.role, required)) {
        throw new AppError('FORBIDDEN', `this needs the ${required} role; yours is ${principal.role}`);
      }
    };
    Object.assign(guard, { [IS_GUARD]: true });

    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith(GUARDED_PREFIX) || hasGuard(route)) return;

      const access = route.config?.access;
      if (!access || !ACCESS_LEVELS.includes(access)) {
        throw new Error(`${route.method} ${route.url} declares no config.access; every API route must`);
      }
      route.onRequest = [guard, ...[route.onRequest ?? []].flat()];
      // The OpenAPI document then shows these routes as needing no credential.
      if (access === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
    });

    fastify.decorate('requirePrincipal', (request: FastifyRequest) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'sign in first');

      return request.principal;
    });
    fastify.decorate('auditActorOf', (request: FastifyRequest) =>
      toAuditActor(fastify.requirePrincipal(request), clientAddressOf(request)),
    );
  },
  { name: 'access-guard', dependencies: ['prisma'] },
);
