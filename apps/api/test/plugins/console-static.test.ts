import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { build, makeConsoleDist, WORKER_SECRET } from '../helper.ts';

const dist = makeConsoleDist();
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Portcullis</title>');
writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("console")');

const context = build({ consoleDistDir: dist });

describe('console static files', () => {
  it('should serve index.html at /', async () => {
    const response = await context.app.inject({ url: '/' });

    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.body, /<title>Portcullis/);
  });

  it('should serve built assets', async () => {
    const response = await context.app.inject({ url: '/assets/app.js' });

    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /javascript/);
  });

  it('should answer client-side routes with index.html', async () => {
    const response = await context.app.inject({ url: '/local-traffic/pools/3?tab=members' });

    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>Portcullis/);
  });

  it('should answer unknown API paths with 404 JSON', async () => {
    for (const url of ['/api/v1/nothing', '/api/v2', '/internal/v1/nothing', '/api']) {
      const response = await context.app.inject({ url });

      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().error.code, 'NOT_FOUND', url);
    }
  });

  it('should answer other methods on unknown paths with 404 JSON', async () => {
    const response = await context.app.inject({ method: 'POST', url: '/somewhere' });

    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
  });

});

describe('without a console build', () => {
  let apiOnly: FastifyInstance;

  before(async () => {
    apiOnly = buildApp({
      prisma: context.prisma,
      workerSecret: WORKER_SECRET,
      consoleDistDir: path.join(dist, 'missing'),
    });
    await apiOnly.ready();
  });
  after(() => apiOnly.close());

  it('should answer 404 JSON at /', async () => {
    const response = await apiOnly.inject({ url: '/' });

    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
  });
});
