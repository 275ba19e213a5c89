// Scanning throughput: clean 100 KB messages from Postfix's smtp-source (20 sessions, a new
// connection per message) to smtp-sink directly, through Haraka with its clamd plugin, and
// through Portcullis with c-icap and clamd (Guarantee Enforcement on), in one run. Both
// gateways scan with the same clamd, the testkit's, started on loopback with an EICAR
// signature; each is first shown to refuse an EICAR message, so neither passes unscanned.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  eicarTestString,
  findFreePort,
  readPeakRssBytes,
  startIcapServer,
} from '@portcullis/testkit';
import { median } from '../measure.ts';
import { runSmtpSource, startSmtpSink, waitForSmtpGreeting } from '../smtp-tools.ts';
import { deliverMessage } from './deliver-message.ts';
import { startHarakaClamd } from './haraka-clamd.ts';
import { startPortcullisAntivirus } from './portcullis-antivirus.ts';
import { readCpuSeconds, readPidFile } from './process-cpu.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Sized for 2 shared cores: a round of the slowest target takes a few seconds.
const MESSAGES = Number(process.env.BENCH_ANTIVIRUS_MESSAGES ?? 300);
const LOAD = { sessions: 20, messageBytes: 100_000, isPersistent: false } as const;
const TARGETS = ['direct', 'Haraka+clamd', 'Portcullis+c-icap'] as const;

type TTarget = (typeof TARGETS)[number];

interface TFigures {
  rates: Record<TTarget, number[]>;
  // CPU seconds per message of the target's processes (for Portcullis: worker, c-icap and
  // clamd; for Haraka: Haraka and clamd), over all its rounds.
  cpuPerMessage: Record<TTarget, number>;
  // The part of it the gateway's own process used (the first of its pids), and clamd.
  ownPerMessage: Record<TTarget, number>;
  clamdPerMessage: Record<TTarget, number>;
}

export async function runAntivirusBench(): Promise<void> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-bench-av-'));
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    const icap = await startIcapServer({ dir: path.join(workDir, 'icap') });
    started.push(icap);
    const ports: Record<TTarget, number> = {
      direct: await findFreePort(),
      'Haraka+clamd': await findFreePort(),
      'Portcullis+c-icap': await findFreePort(),
    };
    const sink = await startSmtpSink(ports.direct, workDir);
    started.push(sink);
    // The testkit's clamd listens on this unix socket in its directory; c-icap uses it too.
    const clamdSocket = path.join(icap.dir, 'clamd.sock');
    const harakaDir = path.join(workDir, 'haraka');
    const harakaPort = ports['Haraka+clamd'];
    const haraka = await startHarakaClamd(harakaPort, ports.direct, clamdSocket, harakaDir);
    started.push(haraka);
    const portcullisDir = path.join(workDir, 'portcullis');
    const portcullis = await startPortcullisAntivirus(
      ports['Portcullis+c-icap'],
      ports.direct,
      icap,
      portcullisDir,
    );
    started.push(portcullis.stack);
    await Promise.all(Object.values(ports).map((port) => waitForSmtpGreeting(port)));
    await assertScanning(ports['Haraka+clamd'], /^5\d\d /);
    await assertScanning(ports['Portcullis+c-icap'], /^554 5\.7\.0 /);

    const clamd = await readPidFile(path.join(icap.dir, 'clamd.pid'));
    const cicap = await readPidFile(path.join(icap.dir, 'c-icap.pid'));
    const pids: Record<TTarget, number[]> = {
      direct: [sink.child.pid ?? 0],
      'Haraka+clamd': [haraka.child.pid ?? 0, clamd],
      'Portcullis+c-icap': [portcullis.workerPid, cicap, clamd],
    };

    const figures = await measureInTurn(ports, pids, clamd);
    const deferred = await countLines(path.join(portcullisDir, 'worker-0.log'), 'virus scan');
    const peakRss = await readPeakRssBytes(portcullis.workerPid);
    printAntivirusTable(figures, { peakRss, deferred });
  } finally {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  }
}

async function assertScanning(port: number, refusal: RegExp): Promise<void> {
  const clean = await deliverMessage(port, 'Subject: clean\r\n\r\nnothing here');
  const infected = await deliverMessage(port, `Subject: eicar\r\n\r\n${eicarTestString()}`);
  if (!clean.startsWith('250') || !refusal.test(infected)) {
    throw new Error(`port ${port} does not scan: clean "${clean}", EICAR "${infected}"`);
  }
}

// The rounds take the targets in turn, each round starting with the next, so that load
// from elsewhere on the machine falls on all of them alike.
async function measureInTurn(
  ports: Record<TTarget, number>,
  pids: Record<TTarget, number[]>,
  clamd: number,
): Promise<TFigures> {
  const empty = TARGETS.map((target) => [target, [] as number[]]);
  const rates = Object.fromEntries(empty) as Record<TTarget, number[]>;
  const zero = () => Object.fromEntries(TARGETS.map((t) => [t, 0])) as Record<TTarget, number>;
  const cpu = zero();
  const clamdCpu = zero();
  const ownCpu = zero();
  for (const target of TARGETS) await runSmtpSource(ports[target], { ...LOAD, messages: 40 });

  for (let round = 0; round < ROUNDS; round += 1) {
    for (let step = 0; step < TARGETS.length; step += 1) {
      const target = TARGETS[(step + round) % TARGETS.length]!;
      const before = await readCpuSeconds(pids[target]);
      const clamdBefore = await readCpuSeconds([clamd]);
      const ownBefore = await readCpuSeconds(pids[target].slice(0, 1));
      rates[target].push(await runSmtpSource(ports[target], { ...LOAD, messages: MESSAGES }));
      cpu[target] += (await readCpuSeconds(pids[target])) - before;
      clamdCpu[target] += (await readCpuSeconds([clamd])) - clamdBefore;
      ownCpu[target] += (await readCpuSeconds(pids[target].slice(0, 1))) - ownBefore;
    }
  }
  for (const target of TARGETS) {
    cpu[target] /= ROUNDS * MESSAGES;
    clamdCpu[target] /= ROUNDS * MESSAGES;
    ownCpu[target] /= ROUNDS * MESSAGES;
  }

  return { rates, cpuPerMessage: cpu, ownPerMessage: ownCpu, clamdPerMessage: clamdCpu };
}

async function countLines(file: string, text: string): Promise<number> {
  const log = await readFile(file, 'utf8').catch(() => '');

  return log.split('\n').filter((line) => line.includes(text)).length;
}

function printAntivirusTable(
  { rates, cpuPerMessage, ownPerMessage, clamdPerMessage }: TFigures,
  meta: { peakRss: number | null; deferred: number },
): void {
  const ratios = rates['Portcullis+c-icap'].map((rate, i) => rate / rates['Haraka+clamd'][i]!);
  const cells = TARGETS.map((target) => median(rates[target]).toFixed(0).padStart(18));
  const milliseconds = (seconds: number) => (seconds * 1000).toFixed(1).padStart(18);
  const cpuCells = TARGETS.map((target) => milliseconds(cpuPerMessage[target]));
  const ownCells = TARGETS.map((target) => milliseconds(ownPerMessage[target]));
  const clamdCells = TARGETS.map((target) => milliseconds(clamdPerMessage[target]));
  const rss = meta.peakRss === null ? 'unknown' : `${(meta.peakRss / 1024 / 1024).toFixed(1)} MiB`;
  const load = os.loadavg().map((value) => value.toFixed(2)).join(', ');
  const rounds = TARGETS.map((t) => `${t} ${rates[t].map((r) => r.toFixed(0)).join('/')}`);
  const out = [
    `Anti-virus scanning throughput, clean 100 KB messages/s (median of ${ROUNDS} rounds ` +
      `of ${MESSAGES}, ${LOAD.sessions} sessions, new connection per message)`,
    '',
    ['load'.padEnd(14), ...TARGETS.map((t) => t.padStart(18)), 'Portcullis/Haraka'.padStart(19)]
      .join(' '),
    ['100 KB'.padEnd(14), ...cells, `${median(ratios).toFixed(2)}x`.padStart(19)].join(' '),
    ['CPU ms/message'.padEnd(14), ...cpuCells].join(' '),
    ['  gateway'.padEnd(14), ...ownCells].join(' '),
    ['  clamd'.padEnd(14), ...clamdCells].join(' '),
    '',
    `Rounds: ${rounds.join(', ')}`,
    'Portcullis/Haraka: median of the rounds\' ratios. Both scan with the same clamd; Portcullis',
    'sends each message to c-icap whole and then its decoded text (scanMessage), Haraka once.',
    'CPU ms/message: user and system time of smtp-sink; Haraka and clamd; the worker, c-icap',
    '(with its children) and clamd, over the measured rounds. "gateway": Haraka\'s process or',
    'the worker alone (for Portcullis the rest is c-icap\'s).',
    `Portcullis scans deferred or failed (worker log): ${meta.deferred}`,
    `Portcullis worker peak RSS (VmHWM): ${rss}`,
    `Load average (1, 5, 15 min) at the end: ${load}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
