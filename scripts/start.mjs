#!/usr/bin/env node
// `npm start`: runs the whole appliance on one machine. The API resolves its database
// (embedded Postgres under var/ unless DATABASE_URL is set), applies migrations and
// serves the console; one SMTP worker takes its configuration from the API.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.resolve(process.env.PORTCULLIS_DATA_DIR ?? path.join(ROOT, 'var'));
const HTTP_HOST = process.env.HOST ?? '127.0.0.1';
const HTTP_PORT = Number(process.env.PORT ?? 8025);
const WORKER_RESTART_DELAY_MS = 2000;
const API_READY_TIMEOUT_MS = 120_000;
// A small young generation and V8's size mode keep the data plane's peak memory
// near 110 MiB under load, for about a tenth more CPU per message.
// The offline schema engine is a WebAssembly module; Node 20 needs the flag for it.
const API_NODE_FLAGS = ['--experimental-wasm-modules', '--disable-warning=ExperimentalWarning'];
const WORKER_NODE_FLAGS = ['--max-semi-space-size=4', '--optimize-for-size'];

function log(message) {
  process.stdout.write(`[portcullis] ${message}\n`);
}

function ensureConsoleBuilt() {
  if (existsSync(path.join(ROOT, 'apps/console/dist/index.html'))) return;

  log('building the console (first start only)');
  const build = spawnSync('npm', ['run', 'build', '-w', '@portcullis/console'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the console build failed');
}

// The worker and the API share a secret for the configuration channel. It is made
// once and kept with the data so restarts keep working with a running worker.
function loadWorkerSecret() {
  if (process.env.PORTCULLIS_WORKER_SECRET) return process.env.PORTCULLIS_WORKER_SECRET;

  const file = path.join(DATA_DIR, 'worker-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();

  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function startProcess(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => log(`${name} exited (${signal ?? code})`));
  return child;
}

async function waitForApi(baseUrl, api) {
  const deadline = Date.now() + API_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error('the API stopped during start-up');
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the API did not answer at ${baseUrl} within ${API_READY_TIMEOUT_MS / 1000} s`);
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  ensureConsoleBuilt();

  const workerSecret = loadWorkerSecret();
  const baseUrl = `http://${HTTP_HOST.includes(':') ? `[${HTTP_HOST}]` : HTTP_HOST}:${HTTP_PORT}`;
  const shared = { PORTCULLIS_WORKER_SECRET: workerSecret, PORTCULLIS_DATA_DIR: DATA_DIR };

  const api = startProcess('api', [...API_NODE_FLAGS, '--import', 'tsx', 'apps/api/src/server.ts'], {
    ...shared,
    HOST: HTTP_HOST,
    PORT: String(HTTP_PORT),
  });
  let isStopping = false;
  let worker = null;

  const startWorker = () => {
    worker = startProcess('worker', [...WORKER_NODE_FLAGS, '--import', 'tsx', 'apps/worker/src/main.ts'], {
      ...shared,
      PORTCULLIS_API_URL: baseUrl,
      PORTCULLIS_STATE_DIR: path.join(DATA_DIR, 'worker'),
    });
    // An appliance keeps its data plane up: a crashed worker is started again.
    worker.on('exit', () => {
      if (!isStopping) setTimeout(startWorker, WORKER_RESTART_DELAY_MS);
    });
  };

  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    worker?.kill('SIGTERM');
    api.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  api.on('exit', () => {
    stop();
    process.exitCode = api.exitCode ?? 1;
  });

  await waitForApi(baseUrl, api);
  startWorker();

  log(`console: ${baseUrl}/`);
  log(
    'sign in as the administrator made on the first start: its password was printed once, in a ' +
      'box, on that start only (or is PORTCULLIS_ADMIN_PASSWORD when that was set)',
  );
  log(`REST API: ${baseUrl}/api/v1 (OpenAPI document at ${baseUrl}/api/v1/openapi.json)`);
  log('scripts: create an API token (POST /api/v1/tokens) and send it as "Authorization: Bearer <token>"');
  log(`data: ${DATA_DIR}; stop with Ctrl-C`);
}

main().catch((error) => {
  log(`start failed: ${error.message}`);
  process.exit(1);
});
