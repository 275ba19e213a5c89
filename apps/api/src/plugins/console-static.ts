import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';

type TConsoleStaticOptions = {
  // The console's build (apps/console/dist); skipped when it is absent.
  consoleDistDir?: string;
};

const API_PREFIXES = ['/api/', '/internal/'];

function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';

  return API_PREFIXES.some((prefix) => pathname.startsWith(prefix) || `${pathname}/` === prefix);
}

function isPageRequest(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url);
}

/**
 * Serves the console's static build at `/`. Unknown non-API GETs get index.html so
 * the console's client-side routes survive a reload; unknown API paths get a JSON
 * 404 like every other API error.
 */
export const consoleStaticPlugin = fp<TConsoleStaticOptions>(
  async (fastify, options) => {
    const root = options.consoleDistDir ? path.resolve(options.consoleDistDir) : undefined;
    const hasConsole = root !== undefined && existsSync(path.join(root, 'index.html'));

    if (hasConsole) {
      await fastify.register(fastifyStatic, { root, prefix: '/', wildcard: true });
    } else {
      fastify.log.info({ consoleDistDir: root }, 'console build not found; serving the API only');
    }

    fastify.setNotFoundHandler(async (request, reply) => {
      if (hasConsole && isPageRequest(request)) return reply.sendFile('index.html');

      throw new AppError('NOT_FOUND', `no ${request.method} ${request.url.split('?')[0]} here`);
    });
  },
  { name: 'console-static', dependencies: ['error-handler'] },
);
