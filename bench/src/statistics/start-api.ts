import { randomBytes } from 'node:crypto';
import {
  createApiClient,
  createApiToken,
  findFreePort,
  startProcess,
  type TStartedProcess,
} from '@portcullis/testkit';

const READY_TIMEOUT_MS = 60_000;

/**
 * The real API as its own process on the seeded database, as `npm start` runs it
 * with DATABASE_URL set. Its retention job runs too, set to keep the whole month.
 */
export async function startApi(databaseUrl: string, logDir: string) {
  const port = await findFreePort();
  const admin = { username: 'bench', password: randomBytes(18).toString('base64url') };
  const api: TStartedProcess = await startProcess(
    'api',
    process.execPath,
    ['--experimental-wasm-modules', '--import', 'tsx', 'apps/api/src/server.ts'],
    {
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PORTCULLIS_WORKER_SECRET: randomBytes(24).toString('base64url'),
      LOG_LEVEL: 'warn',
      PORTCULLIS_RETAIN_TRAFFIC_MINUTES_DAYS: '35',
      // Used when the database has no user yet; a kept database keeps its first one.
      PORTCULLIS_ADMIN_USERNAME: admin.username,
      PORTCULLIS_ADMIN_PASSWORD: admin.password,
    },
    logDir,
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await createApiClient(baseUrl).waitUntilHealthy(READY_TIMEOUT_MS, api);
    // A read-only token: the bench only queries.
    const token = await createApiToken(baseUrl, admin, { name: 'bench', role: 'GUEST' });
    const headers = { authorization: `Bearer ${token}` };

    return { api, baseUrl, headers };
  } catch (error) {
    await api.stop();
    throw new Error(`${(error as Error).message}; see ${api.logFile}`);
  }
}
