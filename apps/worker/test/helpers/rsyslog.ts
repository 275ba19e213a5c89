/**
 * Debian's rsyslogd as the remote log server: in the foreground with a configuration of its
 * own, UDP and TCP inputs on loopback ports, and every message written as one JSON line with
 * the raw message and the fields rsyslog's own RFC 5424 parser found. Stopped by its PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './snapshot.ts';

export interface TReceived {
  raw: string;
  pri: string;
  appName: string;
  msgId: string;
  sd: string;
  hostname: string;
  msg: string;
}

export interface TRsyslog {
  udpPort: number;
  tcpPort: number;
  pid: number;
  /** What arrived so far, probes left out. */
  received(): Promise<TReceived[]>;
  /** Resolves once `count` messages arrived; rejects after the timeout. */
  waitForCount(count: number, timeoutMs?: number): Promise<TReceived[]>;
  stop(): Promise<void>;
}

export interface TRsyslogOptions {
  udpPort?: number;
  tcpPort?: number;
}

const PROBE_APP = 'rsyslog-probe';
const START_TIMEOUT_MS = 10_000;

export async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));

  return port;
}

export async function startRsyslog(options: TRsyslogOptions = {}): Promise<TRsyslog> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-rsyslog-'));
  const udpPort = options.udpPort ?? (await freeUdpPort());
  const tcpPort = options.tcpPort ?? (await freePort());
  const output = path.join(dir, 'received.ndjson');
  const configFile = path.join(dir, `rsyslog-${tcpPort}.conf`);
  await writeFile(configFile, configText(dir, udpPort, tcpPort, output));

  const child = spawn('rsyslogd', ['-n', '-f', configFile, '-i', path.join(dir, 'rsyslogd.pid')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const readAll = async (): Promise<TReceived[]> => {
    const text = await readFile(output, 'utf8').catch(() => '');
    // rsyslogd may be halfway through writing the last line: only whole lines count.
    const whole = text.slice(0, text.lastIndexOf('\n') + 1);

    return whole.split('\n').filter(Boolean).map((line) => JSON.parse(line) as TReceived);
  };
  const received = async () => (await readAll()).filter((line) => line.appName !== PROBE_APP);

  try {
    await probeUntilHeard(udpPort, tcpPort, readAll);
  } catch (error) {
    await stopChild(child, exited);
    throw new Error(`rsyslogd did not come up: ${String(error)} ${stderr}`);
  }

  return {
    udpPort,
    tcpPort,
    pid: child.pid as number,
    received,
    async waitForCount(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const lines = await received();
        if (lines.length >= count) return lines;
        if (Date.now() > deadline) {
          const got = JSON.stringify(lines);
          throw new Error(`rsyslog got ${lines.length} of ${count} messages: ${got}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async stop() {
      await stopChild(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function configText(dir: string, udpPort: number, tcpPort: number, output: string): string {
  const field = (name: string, property: string) =>
    `  property(outname="${name}" name="${property}" format="jsonf")`;

  return [
    `global(workDirectory="${dir}")`,
    'module(load="imudp")',
    'module(load="imtcp")',
    `input(type="imudp" address="127.0.0.1" port="${udpPort}" ruleset="remote")`,
    `input(type="imtcp" address="127.0.0.1" port="${tcpPort}" ruleset="remote")`,
    'template(name="fields" type="list" option.jsonf="on") {',
    field('raw', 'rawmsg'),
    field('pri', 'pri'),
    field('appName', 'app-name'),
    field('msgId', 'msgid'),
    field('sd', 'structured-data'),
    field('hostname', 'hostname'),
    field('msg', 'msg'),
    '}',
    'ruleset(name="remote") {',
    `  action(type="omfile" file="${output}" template="fields")`,
    '}',
    '',
  ].join('\n');
}

// Both inputs are up once a probe sent to each has reached the file.
async function probeUntilHeard(
  udpPort: number,
  tcpPort: number,
  readAll: () => Promise<TReceived[]>,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const udp = dgram.createSocket('udp4');
  try {
    for (;;) {
      const heard = new Set((await readAll()).filter((line) => line.appName === PROBE_APP)
        .map((line) => line.msgId));
      if (heard.has('udp') && heard.has('tcp')) return;
      if (Date.now() > deadline) throw new Error(`probes heard: ${[...heard].join(',') || 'none'}`);

      if (!heard.has('udp')) udp.send(`<13>1 - - ${PROBE_APP} - udp -`, udpPort, '127.0.0.1');
      if (!heard.has('tcp')) await sendTcpProbe(tcpPort).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    udp.close();
  }
}

function sendTcpProbe(port: number): Promise<void> {
  const probe = `<13>1 - - ${PROBE_APP} - tcp -`;

  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end(`${probe.length} ${probe}`, () => resolve());
    });
    socket.once('error', reject);
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const isRunning = child.exitCode === null && child.signalCode === null;
  if (isRunning && child.pid) process.kill(child.pid, 'SIGTERM');
  await exited;
}
