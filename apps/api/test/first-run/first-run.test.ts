// `npm start` on an empty database: the real server process, its standard output read.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@portcullis/db';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));

  return port;
}

type TRunningServer = {
  output: () => string;
  signIn: (username: string, password: string) => Promise<number>;
  stop: () => Promise<void>;
};

/** Starts the API as `npm start` does and waits until it listens. */
async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<TRunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--experimental-wasm-modules', '--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PORTCULLIS_WORKER_SECRET: randomBytes(24).toString('base64url'),
      PORTCULLIS_PRUNE_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'info',
      PORTCULLIS_ADMIN_USERNAME: '',
      PORTCULLIS_ADMIN_PASSWORD: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await isHealthy(baseUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const signIn = async (username: string, password: string) => {
    const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

    return response.status;
  };

  return { output: () => output, signIn, stop };
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/v1/health`)).ok;
  } catch {
    return false;
  }
}

function readBannerPassword(output: string): string | undefined {
  return /\|\s+password: (\S+)\s+\|/.exec(output)?.[1];
}

describe('first start on an empty database', () => {
  it('should print a one-time password once, and never again on later starts', async () => {
    const database = await createTestDatabase();
    after(() => database.drop());

    const first = await startServer(database.databaseUrl);
    after(() => first.stop());
    const password = readBannerPassword(first.output());
    assert.ok(password, `no banner in:\n${first.output()}`);
    assert.ok(password.length >= 20);
    assert.equal(await first.signIn('admin', password), 200);
    assert.equal(await first.signIn('admin', 'admin'), 401);
    await first.stop();

    const output = first.output();
    assert.equal(output.split(password).length - 1, 1, 'the password appears exactly once');
    const logLines = output.split('\n').filter((line) => line.startsWith('{'));
    assert.ok(logLines.some((line) => line.includes('first administrator created')));

    const second = await startServer(database.databaseUrl);
    after(() => second.stop());
    assert.equal(await second.signIn('admin', password), 200);
    await second.stop();
    assert.equal(readBannerPassword(second.output()), undefined);
    assert.doesNotMatch(second.output(), /first administrator created/);
  });

  it('should take the administrator from PORTCULLIS_ADMIN_USERNAME and _PASSWORD', async () => {
    const database = await createTestDatabase();
    after(() => database.drop());
    const chosen = 'a-chosen-admin-password';

    const server = await startServer(database.databaseUrl, {
      PORTCULLIS_ADMIN_USERNAME: 'root-admin',
      PORTCULLIS_ADMIN_PASSWORD: chosen,
    });
    after(() => server.stop());
    assert.equal(await server.signIn('root-admin', chosen), 200);
    await server.stop();

    assert.equal(readBannerPassword(server.output()), undefined);
    assert.ok(!server.output().includes(chosen));
  });
});
