import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ZSnapshot } from '@portcullis/contracts';
import { createPrismaClient } from '@portcullis/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { TPrisma } from '../../src/db.ts';
import { build, latestVersion, WORKER_AUTH, WORKER_SECRET } from '../helper.ts';
import { openEventStream } from '../sse-client.ts';

const context = build();

describe('snapshots across API processes', () => {
  let second: FastifyInstance;
  let secondPrisma: TPrisma;
  let secondUrl = '';

  before(async () => {
    secondPrisma = createPrismaClient(context.databaseUrl);
    second = buildApp({
      prisma: secondPrisma,
      databaseUrl: context.databaseUrl,
      workerSecret: WORKER_SECRET,
      logger: false,
    });
    await second.listen({ port: 0, host: '127.0.0.1' });
    secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await second.close();
    await secondPrisma.$disconnect();
  });

  it('should stream a change made through another API process within 1 s', async () => {
    const stream = await openEventStream(`${secondUrl}/internal/v1/config-stream`, WORKER_AUTH);
    after(() => stream.close());
    const first = ZSnapshot.parse(JSON.parse((await stream.next(1000)).data));
    // The second process may have joined before LISTEN was up; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const startedAt = performance.now();
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/pools',
      payload: { name: 'from_first_process' },
    });
    const next = ZSnapshot.parse(JSON.parse((await stream.next(1000)).data));
    const elapsedMs = performance.now() - startedAt;

    assert.equal(response.statusCode, 201);
    assert.equal(next.version, first.version + 1);
    assert.equal(next.version, await latestVersion(context));
    assert.ok(next.pools.some((pool) => pool.name === 'from_first_process'));
    assert.ok(elapsedMs < 1000, `delivered after ${elapsedMs.toFixed(0)} ms`);
  });
});
