// SMTP throughput of Portcullis beside Postfix's smtp-sink reached directly and Haraka
// relaying to the same sink, all measured in one run with Postfix's smtp-source: each
// with no checks, and Portcullis with its default security profile beside Haraka with
// its equivalent plugins (helo.checks, limit on Redis, spf). Both answer SPF and DNS
// questions from a loopback DNS server started here. Prints messages per second, the
// ratios the issue sets goals for, and the worker's peak RSS.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, readPeakRssBytes, type TStartedProcess } from '@portcullis/testkit';
import { startBenchDns } from './bench-world.ts';
import { startHaraka } from './haraka.ts';
import { claimRedisDb, HARAKA_REDIS_DB, releaseRedisDb } from './haraka-redis.ts';
import { measureTargetsInTurn } from './measure.ts';
import { startPortcullis } from './portcullis.ts';
import { printTable, type TRatio } from './report.ts';
import { startSmtpSink, tryDelivery, waitForSmtpGreeting } from './smtp-tools.ts';

// Five: on a shared 2-core machine one round in three can run slow for one target, and
// with three rounds that round can be the median.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SESSIONS = 20;
const LOADS = [
  { label: '1 KB, new connection per message', messageBytes: 1024, isPersistent: false },
  { label: '100 KB, new connection per message', messageBytes: 102_400, isPersistent: false },
  { label: '1 KB, persistent connections', messageBytes: 1024, isPersistent: true },
  { label: '100 KB, persistent connections', messageBytes: 102_400, isPersistent: true },
];

const TARGETS = {
  direct: 'direct',
  haraka: 'Haraka',
  harakaChecked: 'Haraka+plugins',
  portcullis: 'no checks',
  portcullisChecked: 'default prof.',
} as const;

// Issue 3, item 7: the default profile at 3x Haraka with its plugins and at 80% of
// Portcullis without checks.
const RATIOS: TRatio[] = [
  { label: 'no checks/Haraka', target: TARGETS.portcullis, peer: TARGETS.haraka, style: 'factor' },
  {
    label: 'default/Haraka+pl.',
    target: TARGETS.portcullisChecked,
    peer: TARGETS.harakaChecked,
    style: 'factor',
    goal: 3,
  },
  {
    label: 'default/no checks',
    target: TARGETS.portcullisChecked,
    peer: TARGETS.portcullis,
    style: 'share',
    goal: 0.8,
  },
];

const SETUP_NOTE = [
  'default prof.: the default security profile, rate limits above the load, greylisting',
  '  passed by a warm-up retry (hold 0 s), SPF and the sender domain answered by loopback DNS',
  'Haraka+plugins: helo.checks, limit (concurrency, rcpt rates; Redis), spf (deny on fail)',
].join('\n');

export async function runSmtpBench(): Promise<void> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-bench-'));
  const ports = {
    [TARGETS.direct]: await findFreePort(),
    [TARGETS.haraka]: await findFreePort(),
    [TARGETS.harakaChecked]: await findFreePort(),
    [TARGETS.portcullis]: await findFreePort(),
    [TARGETS.portcullisChecked]: await findFreePort(),
  };
  const started: Array<{ stop(): Promise<void> }> = [];
  claimRedisDb(HARAKA_REDIS_DB);

  try {
    const dns = await startBenchDns();
    started.push({ stop: () => dns.close() });
    const sinkPort = ports[TARGETS.direct];
    const sink: TStartedProcess = await startSmtpSink(sinkPort, workDir);
    started.push(sink);
    started.push(await startHaraka(ports[TARGETS.haraka], sinkPort, path.join(workDir, 'haraka')));
    const harakaChecks = { dnsServer: dns.address, redisDb: HARAKA_REDIS_DB };
    const harakaDir = path.join(workDir, 'haraka-checked');
    const harakaPort = ports[TARGETS.harakaChecked];
    started.push(await startHaraka(harakaPort, sinkPort, harakaDir, harakaChecks));
    const protection = { port: ports[TARGETS.portcullisChecked], dnsServer: dns.address };
    const portcullisDir = path.join(workDir, 'portcullis');
    const plainPort = ports[TARGETS.portcullis];
    const portcullis = await startPortcullis(plainPort, sinkPort, portcullisDir, protection);
    started.push(portcullis.stack);
    await Promise.all(Object.values(ports).map((port) => waitForSmtpGreeting(port)));
    await passGreylisting(ports[TARGETS.portcullisChecked]);

    const names = Object.values(TARGETS);
    const targetPorts = names.map((name) => ports[name]);
    const served = [TARGETS.portcullis, TARGETS.portcullisChecked] as string[];
    const pids = names.map((name) => (served.includes(name) ? portcullis.workerPid : null));
    const rows = [];
    for (const load of LOADS) {
      const perLoad = { sessions: SESSIONS, ...load };
      const figures = await measureTargetsInTurn(targetPorts, perLoad, ROUNDS, pids);
      const rates = Object.fromEntries(names.map((name, index) => [name, figures[index]!.rates]));
      const cpuMs = Object.fromEntries(
        names.flatMap((name, index) => {
          const cpu = figures[index]!.cpuMsPerMessage;

          return cpu === null ? [] : [[name, cpu]];
        }),
      );
      rows.push({ load: load.label, rates, cpuMs });
    }

    const peakRss = await readPeakRssBytes(portcullis.workerPid);
    const loadAverage = os.loadavg().map((value) => value.toFixed(2)).join(', ');
    printTable(rows, names, RATIOS, { rounds: ROUNDS, sessions: SESSIONS, peakRss, loadAverage });
    const queries = `DNS queries answered by the loopback server: ${dns.queries}`;
    process.stdout.write(`${SETUP_NOTE}\n${queries}\n`);
  } finally {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    const leftover = releaseRedisDb(HARAKA_REDIS_DB);
    process.stdout.write(`Haraka's Redis database ${HARAKA_REDIS_DB}: ${leftover} keys deleted\n`);
  }
}

// The benchmark's triplet is greylisted once (the profile is on), then passes on the retry
// and is remembered: every measured message takes the remembered triplet's path.
async function passGreylisting(port: number): Promise<void> {
  const first = await tryDelivery(port);
  const retry = await tryDelivery(port);
  if (!first.startsWith('451') || !retry.startsWith('250')) {
    throw new Error(`greylisting warm-up: expected 451 then 250, got "${first}" then "${retry}"`);
  }
}
