// A real ICAP anti-virus server for tests: Debian's c-icap with its virus_scan
// service in front of ClamAV's clamd, both started from config files of our own
// in a temporary directory and listening on loopback only.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startProcess, type TStartedProcess } from './child-process.ts';
import { findFreePort } from './free-port.ts';

export interface TIcapServerOptions {
  // Directory for configs, signatures, sockets and logs; a fresh temp dir by default.
  dir?: string;
}

export interface TIcapServer {
  host: string;
  port: number;
  // sizelimit=off and force=on: scans every body, whatever its size or file type.
  service: 'avscan';
  dir: string;
  stop(): Promise<void>;
  // Stops clamd alone, leaving c-icap up: c-icap then answers ICAP 500.
  stopClamd(): Promise<void>;
  startClamd(): Promise<void>;
}

const CLAMD_BIN = '/usr/sbin/clamd';
const CICAP_BIN = '/usr/bin/c-icap';
const READY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 50;
const STOP_GRACE_MS = 1000;
const PORT_ATTEMPTS = 3;
const UNIX_SOCKET_PATH_MAX = 107;

/** The 68-byte EICAR test string, built from pieces so no source file holds it whole. */
export function eicarTestString(): string {
  const pieces = ['X5O!P%@AP[4\\PZX54(P^)7CC)', '7}$EICAR-', 'STANDARD-ANTIVIRUS-'];
  pieces.push('TEST-FILE!$H+H*');

  return pieces.join('');
}

/** Starts clamd and c-icap as child processes and waits until ICAP OPTIONS answers. */
export async function startIcapServer(options: TIcapServerOptions = {}): Promise<TIcapServer> {
  assertInstalled();
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'portcullis-icap-')));
  const layout = await prepareLayout(dir);

  let clamd = await startClamd(layout);
  const { cicap, port } = await startCicap(layout).catch(async (error: unknown) => {
    await clamd.stop();
    throw error;
  });

  return {
    host: '127.0.0.1',
    port,
    service: 'avscan',
    dir,
    stop: async () => {
      await stopWithChildren(cicap);
      await clamd.stop();
      if (ownsDir) await rm(dir, { recursive: true, force: true });
    },
    stopClamd: () => clamd.stop(),
    startClamd: async () => {
      clamd = await startClamd(layout);
    },
  };
}

interface TLayout {
  dir: string;
  logDir: string;
  clamdSocket: string;
  clamdConf: string;
}

async function prepareLayout(dir: string): Promise<TLayout> {
  const logDir = path.join(dir, 'log');
  const dbDir = path.join(dir, 'db');
  const clamdSocket = path.join(dir, 'clamd.sock');
  if (clamdSocket.length > UNIX_SOCKET_PATH_MAX) throw new Error(`icap dir too long: ${dir}`);

  const dirs = [logDir, dbDir, path.join(dir, 'tmp')];
  await Promise.all(dirs.map((d) => mkdir(d, { recursive: true })));
  // ClamAV ships no signatures here: one body signature (target type 0, any offset)
  // is enough for clamd to start and to find EICAR in raw, MIME and zip content.
  const eicarHex = Buffer.from(eicarTestString(), 'latin1').toString('hex');
  await writeFile(path.join(dbDir, 'portcullis.ndb'), `Portcullis.Test.EICAR:0:*:${eicarHex}\n`);

  const clamdConf = path.join(dir, 'clamd.conf');
  await writeFile(clamdConf, renderClamdConf(dir, dbDir, clamdSocket));

  return { dir, logDir, clamdSocket, clamdConf };
}

function renderClamdConf(dir: string, dbDir: string, socket: string): string {
  // No TCPSocket line: clamd then listens on its unix socket only.
  return [
    `LocalSocket ${socket}`,
    `DatabaseDirectory ${dbDir}`,
    `PidFile ${path.join(dir, 'clamd.pid')}`,
    `TemporaryDirectory ${path.join(dir, 'tmp')}`,
    'Foreground yes',
    // Past MaxFileSize/MaxScanSize/recursion limits clamd otherwise says "OK"
    // without scanning; this reports Heuristics.Limits.Exceeded instead.
    'AlertExceedsMax yes',
    '',
  ].join('\n');
}

async function renderCicapConf(layout: TLayout, port: number): Promise<string> {
  const servicesDir = await findDebianServicesDir();
  const { dir, logDir } = layout;

  // No User/Group lines: started as root, c-icap would switch to that user and
  // then fail to open its pid file and commands socket in a root-owned 0700 temp
  // dir (and still exit 0). Without them it keeps the identity it was started with.
  return [
    `Port 127.0.0.1:${port}`,
    `PidFile ${path.join(dir, 'c-icap.pid')}`,
    `CommandsSocket ${path.join(dir, 'c-icap.ctl')}`,
    `TmpDir ${path.join(dir, 'tmp')}`,
    `ServerLog ${path.join(logDir, 'c-icap-server.log')}`,
    `AccessLog ${path.join(logDir, 'c-icap-access.log')}`,
    `ModulesDir ${servicesDir}`,
    `ServicesDir ${servicesDir}`,
    'TemplateDir /usr/share/c_icap/templates/',
    'LoadMagicFile /etc/c-icap/c-icap.magic',
    'StartServers 2',
    'MaxServers 4',
    'ThreadsPerChild 16',
    'DebugLevel 1',
    'Module common clamd_mod.so',
    `clamd_mod.ClamdSocket ${layout.clamdSocket}`,
    'Service antivirus_module virus_scan.so',
    // sizelimit=off: the plain service answers 204 unscanned above MaxObjectSize.
    // force=on: the plain service skips bodies whose magic is not in ScanFileTypes.
    // mode=simple: nothing of the body goes back before the scan has finished.
    'ServiceAlias avscan virus_scan?allow204=on&force=on&sizelimit=off&mode=simple',
    'virus_scan.ScanFileTypes TEXT DATA EXECUTABLE ARCHIVE GRAPHICS STREAM DOCUMENT',
    'virus_scan.SendPercentData 0',
    'virus_scan.MaxObjectSize 5M',
    'virus_scan.PassOnError off',
    // The echo demo service answers 204 after a complete preview: a real peer for
    // the preview and 200-echo paths of the client.
    'Service echo srv_echo.so',
    '',
  ].join('\n');
}

function assertInstalled(): void {
  for (const bin of [CLAMD_BIN, CICAP_BIN]) {
    if (!existsSync(bin)) {
      const packages = 'c-icap libc-icap-mod-virus-scan clamav-daemon';
      throw new Error(`${bin} missing: apt-get install ${packages}`);
    }
  }
}

/** Where Debian put virus_scan.so (the multiarch lib dir differs per architecture). */
async function findDebianServicesDir(): Promise<string> {
  const { stdout } = await promisify(execFile)('dpkg', ['-L', 'libc-icap-mod-virus-scan']);
  const servicePath = stdout.split('\n').find((line) => line.endsWith('/virus_scan.so'));
  if (!servicePath) throw new Error('virus_scan.so not found in libc-icap-mod-virus-scan');

  return path.dirname(servicePath);
}

async function startClamd(layout: TLayout): Promise<TStartedProcess> {
  const clamd = await startProcess('clamd', CLAMD_BIN, ['-c', layout.clamdConf], {}, layout.logDir);
  try {
    await waitUntil(() => pingClamd(layout.clamdSocket), clamd, 'clamd');
  } catch (error) {
    await clamd.stop();
    throw error;
  }

  return clamd;
}

async function startCicap(layout: TLayout): Promise<{ cicap: TStartedProcess; port: number }> {
  const confPath = path.join(layout.dir, 'c-icap.conf');
  let lastError: unknown;

  // The free port may be taken before c-icap binds it; try a few.
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt += 1) {
    const port = await findFreePort();
    await writeFile(confPath, await renderCicapConf(layout, port));
    const args = ['-N', '-D', '-f', confPath];
    const cicap = await startProcess('c-icap', CICAP_BIN, args, {}, layout.logDir);
    try {
      await waitUntil(() => answersOptions(port), cicap, 'c-icap');

      return { cicap, port };
    } catch (error) {
      lastError = error;
      await stopWithChildren(cicap);
    }
  }
  throw lastError;
}

/**
 * c-icap serves from forked children that outlive a stopped parent and keep
 * idle keep-alive connections open for seconds. Stop all of them by PID: TERM,
 * then KILL whatever is left after a short grace.
 */
async function stopWithChildren(proc: TStartedProcess): Promise<void> {
  const pids = [proc.child.pid, ...(await listChildPids(proc.child.pid))].filter(
    (pid): pid is number => pid !== undefined,
  );
  signalAll(pids, 'SIGTERM');

  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline && (await alivePids(pids)).length > 0) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  // Only those still running: an exited child's PID may already belong to another process.
  signalAll(await alivePids(pids), 'SIGKILL');
  await proc.stop();
}

async function listChildPids(parent: number | undefined): Promise<number[]> {
  if (parent === undefined) return [];

  const text = await readFile(`/proc/${parent}/task/${parent}/children`, 'utf8').catch(() => '');

  return text.split(/\s+/).filter(Boolean).map(Number);
}

async function alivePids(pids: number[]): Promise<number[]> {
  const alive: number[] = [];
  for (const pid of pids) {
    // A zombie (state Z) has exited; only its parent's wait() is missing.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat && !/^\d+ \(.*\) Z/.test(stat)) alive.push(pid);
  }

  return alive;
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function waitUntil(probe: () => Promise<boolean>, proc: TStartedProcess, name: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${name} exited at start-up:\n${await tail(proc.logFile)}`);
    }
    if (await probe()) return;

    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`${name} not ready after ${READY_TIMEOUT_MS} ms:\n${await tail(proc.logFile)}`);
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');

  return text.slice(-2000);
}

function pingClamd(socketPath: string): Promise<boolean> {
  return exchange(net.connect(socketPath), 'zPING\0', (reply) => reply.startsWith('PONG'));
}

function answersOptions(port: number): Promise<boolean> {
  const request =
    `OPTIONS icap://127.0.0.1:${port}/avscan ICAP/1.0\r\n` +
    `Host: 127.0.0.1\r\nEncapsulated: null-body=0\r\n\r\n`;

  return exchange(net.connect(port, '127.0.0.1'), request, (reply) =>
    reply.startsWith('ICAP/1.0 200'),
  );
}

/** Sends one request and checks the start of the reply; any failure reads as "not yet". */
function exchange(socket: net.Socket, request: string, isReady: (reply: string) => boolean) {
  return new Promise<boolean>((resolve) => {
    let reply = '';
    const finish = (ready: boolean) => {
      socket.destroy();
      resolve(ready);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write(request));
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      if (reply.length >= 12) finish(isReady(reply));
    });
    socket.once('end', () => finish(isReady(reply)));
  });
}
