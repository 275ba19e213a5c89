// What a browser test of the console needs: a fresh database, the real API serving
// the console's build on an ephemeral loopback port, its first administrator, and a
// headless Chromium page already signed in as that administrator.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  DEFAULT_SECURITY_PROFILE_SETTINGS,
  DEFAULT_VIOLATION_ACTIONS,
  WORKER_ID_HEADER,
  type TSnapshot,
} from '@portcullis/contracts';
import { createPrismaClient, createTestDatabase, seedSystemObjects } from '@portcullis/db';
import { createApiClient, createApiToken, type TApiClient } from '@portcullis/testkit';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../../../../apps/api/src/app.ts';
import {
  ensureFirstAdministrator,
} from '../../../../apps/api/src/first-run/ensure-first-administrator.ts';
import { CONSOLE_DIST, ensureConsoleBuild, REPO_ROOT } from './console-build.ts';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/console');
export const WORKER_SECRET = 'console-e2e-worker-secret-0123';

export type TCredentials = { username: string; password: string };

// Made on the empty database as `npm start` makes it from PORTCULLIS_ADMIN_PASSWORD.
export const ADMIN: TCredentials = { username: 'admin', password: 'console-e2e-admin-0123' };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type TConsoleHarness = {
  app: FastifyInstance;
  baseUrl: string;
  admin: TCredentials;
  // The API as the administrator, with an API token of theirs.
  api: TApiClient;
  browser: Browser;
  page: Page;
  // Uncaught errors in the page; a test ends by asserting there were none.
  pageErrors: string[];
  stop: () => Promise<void>;
};

export async function startConsoleHarness(): Promise<TConsoleHarness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  ensureConsoleBuild();

  const database = await createTestDatabase();
  const prisma = createPrismaClient(database.databaseUrl);
  await seedSystemObjects(prisma, {
    securityProfileActions: DEFAULT_VIOLATION_ACTIONS,
    securityProfileSettings: DEFAULT_SECURITY_PROFILE_SETTINGS,
  });
  const app = buildApp({
    prisma,
    databaseUrl: database.databaseUrl,
    workerSecret: WORKER_SECRET,
    logger: false,
    consoleDistDir: CONSOLE_DIST,
  });
  await ensureFirstAdministrator(prisma, ADMIN);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const token = await createApiToken(baseUrl, ADMIN, { name: 'console-e2e' });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const pageErrors: string[] = [];
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInPage(page, baseUrl, ADMIN);

  const stop = async () => {
    await browser.close();
    await app.close();
    await prisma.$disconnect();
    await database.drop();
  };

  return {
    app,
    baseUrl,
    admin: ADMIN,
    api: createApiClient(baseUrl, { token }),
    browser,
    page,
    pageErrors,
    stop,
  };
}

/**
 * Signs the page's browser context in, as the sign-in form would: the session cookie
 * lands in the context's cookie jar, so the console opens signed in. The sign-in page
 * itself is driven in console-auth.test.ts.
 */
export async function signInPage(page: Page, baseUrl: string, user: TCredentials): Promise<void> {
  const response = await page.request.post(`${baseUrl}/api/v1/auth/sign-in`, { data: user });

  if (!response.ok()) throw new Error(`sign-in as ${user.username}: ${response.status()}`);
}

/** The whole page; `fullPage: false` keeps what is in view (a long form's error). */
export async function shoot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

export async function openFromNav(page: Page, entry: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: entry }).click();
}

export async function waitForInputValue(locator: Locator, expected: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await locator.inputValue()) !== expected) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The document title is set just after a screen renders; give it that moment. */
export async function waitForTitle(page: Page, expected: RegExp, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !expected.test(await page.title())) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(await page.title(), expected);
}

/** A request on the internal channel, as a worker makes it. */
export function postInternal(
  baseUrl: string,
  route: string,
  body: unknown,
  workerId = 'e2e-worker',
): Promise<Response> {
  return fetch(`${baseUrl}/internal/v1${route}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${WORKER_SECRET}`,
      [WORKER_ID_HEADER]: workerId,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

/** The snapshot workers are served now. */
export async function readSnapshot(baseUrl: string): Promise<TSnapshot> {
  const response = await fetch(`${baseUrl}/internal/v1/snapshot`, {
    headers: { authorization: `Bearer ${WORKER_SECRET}`, [WORKER_ID_HEADER]: 'e2e-reader' },
  });
  if (!response.ok) throw new Error(`snapshot: ${response.status} ${await response.text()}`);

  return (await response.json()) as TSnapshot;
}
