import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import {
  DEFAULT_SECURITY_PROFILE_SETTINGS,
  DEFAULT_VIOLATION_ACTIONS,
} from '@portcullis/contracts';
import { createPrismaClient, createTestDatabase, seedSystemObjects } from '@portcullis/db';
import type { FastifyInstance } from 'fastify';
import { buildApp, type TAppOptions } from '../src/app.ts';
import type { TPrisma } from '../src/db.ts';

export const WORKER_SECRET = 'test-worker-secret-0123456789';
export const WORKER_AUTH = { authorization: `Bearer ${WORKER_SECRET}` };

export type TTestContext = {
  app: FastifyInstance;
  prisma: TPrisma;
  databaseUrl: string;
};

type TBuildOptions = Partial<Pick<TAppOptions, 'consoleDistDir' | 'retentionJob'>> & {
  // Objects the file's tests share, created once the app is ready.
  setup?: (context: TTestContext) => Promise<void>;
};

/**
 * A fresh migrated and seeded database, and an app on it, for one test file. The
 * app is closed and the database dropped after the file's tests. Fields of the
 * returned object are filled in `before`.
 */
export function build(options: TBuildOptions = {}): TTestContext {
  const context = {} as TTestContext;
  let drop: () => Promise<void> = async () => undefined;

  before(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    context.databaseUrl = database.databaseUrl;
    context.prisma = createPrismaClient(database.databaseUrl);
    await seedSystemObjects(context.prisma, {
      securityProfileActions: DEFAULT_VIOLATION_ACTIONS,
      securityProfileSettings: DEFAULT_SECURITY_PROFILE_SETTINGS,
    });
    context.app = buildApp({
      prisma: context.prisma,
      databaseUrl: database.databaseUrl,
      workerSecret: WORKER_SECRET,
      logger: false,
      consoleDistDir: options.consoleDistDir,
      retentionJob: options.retentionJob,
    });
    await context.app.ready();
    await options.setup?.(context);
  });

  after(async () => {
    await context.app?.close();
    await context.prisma?.$disconnect();
    await drop();
  });

  return context;
}

/** A throw-away folder holding a fake console build, removed after the file. */
export function makeConsoleDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-console-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  return dir;
}

/** The newest snapshot version, straight from the database. */
export async function latestVersion(context: TTestContext): Promise<number> {
  const newest = await context.prisma.configSnapshot.aggregate({ _max: { version: true } });

  return newest._max.version ?? 0;
}
