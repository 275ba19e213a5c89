import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SILENT_LOGGER } from '../db-logger.ts';
import { isProcessAlive } from './inspect-process.ts';
import { startEmbeddedPostgres, type TDatabaseHandle } from './start-embedded-postgres.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/hold-embedded-postgres.ts', import.meta.url));

// A port nobody holds right now, so parallel runs and the default 54329 never clash.
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');

  return port;
}

async function query(databaseUrl: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// Starts the fixture in its own process and kills it once its server is up.
async function orphanServer(dataDir: string, port: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  assert.equal(chunk.toString().trim(), 'ready');
  const postmasterPid = Number.parseInt(await readFile(`${dataDir}/postmaster.pid`, 'utf8'), 10);
  child.kill('SIGKILL');
  await once(child, 'exit');

  return postmasterPid;
}

describe('startEmbeddedPostgres', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  const handles: TDatabaseHandle[] = [];
  const start = async () => {
    const handle = await startEmbeddedPostgres({ dataDir, port, logger: SILENT_LOGGER });
    handles.push(handle);

    return handle;
  };

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'portcullis-embedded-'));
    // Run as root, the server runs as `postgres`, which must be able to enter.
    await chmod(root, 0o755);
    dataDir = path.join(root, 'pgdata');
    port = await freePort();
  });
  after(async () => {
    for (const handle of handles) await handle.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('should keep a row across a stop and a start', async () => {
    const signalListeners = process.listeners('SIGTERM').length;
    const first = await start();
    // Signals stay the caller's: embedded-postgres' own exit hooks are removed.
    assert.equal(process.listeners('SIGTERM').length, signalListeners);
    await query(first.databaseUrl, 'CREATE TABLE kept (note text)');
    await query(first.databaseUrl, "INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await start();
    const rows = await query(second.databaseUrl, 'SELECT note FROM kept');
    await second.stop();

    assert.equal(first.databaseUrl, second.databaseUrl);
    assert.match(first.databaseUrl, new RegExp(`@127\\.0\\.0\\.1:${port}/portcullis$`));
    assert.deepEqual(rows, [{ note: 'still here' }]);
  });

  it('should refuse a data directory its own process is still serving', async () => {
    const running = await start();

    await assert.rejects(start(), { code: 'DATA_DIR_IN_USE' });
    await running.stop();
  });

  it('should start over a postmaster.pid naming a dead process', async () => {
    const exited = spawn(process.execPath, ['-e', '']);
    await once(exited, 'exit');
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${exited.pid}\n${dataDir}\n`);

    const handle = await start();
    const rows = await query(handle.databaseUrl, 'SELECT count(*)::int AS n FROM kept');
    await handle.stop();

    assert.deepEqual(rows, [{ n: 1 }]);
  });

  it('should stop a server orphaned by a killed process and start again', async () => {
    const orphanPid = await orphanServer(dataDir, port);
    assert.ok(isProcessAlive(orphanPid));

    const handle = await start();
    const rows = await query(handle.databaseUrl, 'SELECT note FROM kept');
    await handle.stop();

    assert.equal(isProcessAlive(orphanPid), false);
    assert.deepEqual(rows, [{ note: 'still here' }]);
  });

  it('should stop cleanly after the server died, and recover at the next start', async () => {
    const handle = await start();
    const serverPid = Number.parseInt(await readFile(`${dataDir}/postmaster.pid`, 'utf8'), 10);
    process.kill(serverPid, 'SIGKILL');
    while (isProcessAlive(serverPid)) await sleep(20);

    await handle.stop();
    const again = await start();
    const rows = await query(again.databaseUrl, 'SELECT note FROM kept');
    await again.stop();

    assert.deepEqual(rows, [{ note: 'still here' }]);
  });

  it("should fail with the server's own words when its port is taken", async () => {
    const squatter = createServer().listen(port, '127.0.0.1');
    await once(squatter, 'listening');

    try {
      await assert.rejects(start(), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'EMBEDDED_START_FAILED');
        assert.match(error.message, /could not (bind|create)/);

        return true;
      });
    } finally {
      squatter.close();
    }
  });

  it('should refuse a folder that holds something other than a cluster', async () => {
    const foreign = path.join(root, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');

    const starting = startEmbeddedPostgres({ dataDir: foreign, port, logger: SILENT_LOGGER });

    await assert.rejects(starting, { code: 'DATA_DIR_NOT_A_CLUSTER' });
  });
});
