import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@portcullis/db';
import { startProcess, type TStartedProcess } from './child-process.ts';
import { findFreePort } from './free-port.ts';
import { createApiClient, createApiToken, type TApiClient } from './api-client.ts';

export interface TStack {
  apiUrl: string;
  api: TStartedProcess;
  workers: TStartedProcess[];
  // Authenticated as the administrator, with an API token.
  client: TApiClient;
  // The first administrator the API created at start, for signing in (browser tests).
  admin: { username: string; password: string };
  // The administrator's API token the client sends.
  adminToken: string;
  logDir: string;
  // Resolves when every worker has applied the newest configuration version.
  waitForWorkersInSync(timeoutMs?: number): Promise<number>;
  startWorker(): Promise<TStartedProcess>;
  stop(): Promise<void>;
}

export interface TStackOptions {
  workers?: number;
  env?: Record<string, string>;
  logDir?: string;
}

const API_READY_TIMEOUT_MS = 60_000;

/**
 * Starts the real API and workers as separate processes on a fresh database, the
 * way `npm start` runs them, for end-to-end tests and benchmarks.
 */
export async function startStack(options: TStackOptions = {}): Promise<TStack> {
  const database = await createTestDatabase();
  const logDir = options.logDir ?? (await mkdtemp(path.join(os.tmpdir(), 'portcullis-stack-')));
  const port = await findFreePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(24).toString('base64url');
  const common = { PORTCULLIS_WORKER_SECRET: secret, LOG_LEVEL: 'info', ...options.env };
  const admin = { username: 'admin', password: randomBytes(18).toString('base64url') };

  const api = await startProcess(
    'api',
    process.execPath,
    ['--experimental-wasm-modules', '--import', 'tsx', 'apps/api/src/server.ts'],
    {
      ...common,
      DATABASE_URL: database.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PORTCULLIS_ADMIN_USERNAME: admin.username,
      PORTCULLIS_ADMIN_PASSWORD: admin.password,
    },
    logDir,
  );
  let client = createApiClient(apiUrl);
  let adminToken = '';
  const workers: TStartedProcess[] = [];

  const startWorker = async () => {
    const index = workers.length;
    const worker = await startProcess(
      `worker-${index}`,
      process.execPath,
      ['--max-semi-space-size=4', '--optimize-for-size', '--import', 'tsx', 'apps/worker/src/main.ts'],
      {
        ...common,
        PORTCULLIS_API_URL: apiUrl,
        PORTCULLIS_WORKER_ID: `test-worker-${index}`,
        PORTCULLIS_STATE_DIR: path.join(logDir, `worker-${index}-state`),
      },
      logDir,
    );
    workers.push(worker);
    return worker;
  };

  const stop = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await api.stop();
    await database.drop();
  };

  try {
    await client.waitUntilHealthy(API_READY_TIMEOUT_MS, api);
    adminToken = await createApiToken(apiUrl, admin, { name: 'testkit' });
    client = createApiClient(apiUrl, { token: adminToken });
    for (let i = 0; i < (options.workers ?? 1); i += 1) await startWorker();
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; logs in ${logDir}`);
  }

  const waitForWorkersInSync = (timeoutMs = 10_000) =>
    client.waitForWorkersInSync(workers.length, timeoutMs);

  return {
    apiUrl,
    api,
    workers,
    client,
    admin,
    adminToken,
    logDir,
    waitForWorkersInSync,
    startWorker,
    stop,
  };
}
