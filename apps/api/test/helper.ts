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
import type { InjectOptions } from 'light-my-request';
import { buildApp, type TAppOptions } from '../src/app.ts';
import { hashPassword } from '../src/auth/hash-password.ts';
import { hashSecret, newSecret } from '../src/auth/secret-token.ts';
import type { TPrisma } from '../src/db.ts';

export const WORKER_SECRET = 'test-worker-secret-0123456789';
export const WORKER_AUTH = { authorization: `Bearer ${WORKER_SECRET}` };

export type TTestContext = {
  app: FastifyInstance;
  prisma: TPrisma;
  databaseUrl: string;
  // The administrator every request acts as unless it sends its own credentials.
  admin: TTestUser;
  // app.inject without the administrator's token: requests go as sent.
  anonymousInject: FastifyInstance['inject'];
};

export type TRole = 'ADMINISTRATOR' | 'OPERATOR' | 'GUEST';
export type TTestUser = { id: number; username: string; password: string; role: TRole; token: string };

type TAppPicks = 'consoleDistDir' | 'retentionJob' | 'auth' | 'trustedProxies';
type TBuildOptions = Partial<Pick<TAppOptions, TAppPicks>> & {
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
      auth: options.auth,
      trustedProxies: options.trustedProxies,
    });
    context.admin = await createTestUser(context.prisma, 'test-admin', 'ADMINISTRATOR');
    actAs(context, context.admin.token);
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

/** An API token for a user, straight into the database; returns the token. */
export async function createTestToken(prisma: TPrisma, userId: number, role: TRole, name = 'test') {
  const token = `pct_${newSecret()}`;
  const expiresAt = new Date(Date.now() + 86_400_000);
  await prisma.apiToken.create({ data: { userId, name, role, tokenHash: hashSecret(token), expiresAt } });

  return token;
}

/** A user with a known password and an API token of their own role. */
export async function createTestUser(prisma: TPrisma, username: string, role: TRole): Promise<TTestUser> {
  const password = `${username}-password-0123`;
  const user = await prisma.user.create({
    data: { username, role, passwordHash: await hashPassword(password) },
  });
  const token = await createTestToken(prisma, user.id, role);

  return { id: user.id, username, password, role, token };
}

type TInjectArgument = InjectOptions | string;

function hasCredentials(headers: unknown): boolean {
  if (typeof headers !== 'object' || headers === null) return false;

  return Object.keys(headers).some((name) => ['authorization', 'cookie'].includes(name.toLowerCase()));
}

/**
 * Makes `context.app.inject` send `token` as a bearer token, unless a request
 * brings its own authorization or cookie header: the tests written before users
 * existed act as an administrator unchanged. `context.anonymousInject` sends
 * requests as they are.
 */
function actAs(context: TTestContext, token: string): void {
  const inject = context.app.inject.bind(context.app) as (options?: TInjectArgument) => unknown;
  context.anonymousInject = inject as FastifyInstance['inject'];

  const withToken = (options?: TInjectArgument) => {
    if (options === undefined) return inject();

    const asObject = typeof options === 'string' ? { url: options } : options;
    if (hasCredentials(asObject.headers)) return inject(asObject);

    const headers = { ...(asObject.headers as object), authorization: `Bearer ${token}` };

    return inject({ ...asObject, headers });
  };
  context.app.inject = withToken as FastifyInstance['inject'];
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
