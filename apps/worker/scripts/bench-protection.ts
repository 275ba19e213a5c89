/**
 * Throughput of the worker with Protocol Security off and with a default security
 * profile on, measured with Postfix's smtp-source against smtp-sink (FACTS.md): 20
 * sessions, HELO, one recipient, 1 KB, a new connection per message. The DNS checks
 * (sender domain, SPF) are answered by a loopback DNS server in this process.
 *
 *   node --import tsx scripts/bench-protection.ts [rounds=5] [another apps/worker]
 *
 * Each variant is a worker of its own (scripts/serve-snapshot.ts, with the flags `npm
 * start` uses); the rounds take the variants in turn, starting with a different one each
 * time, so that load from elsewhere on the machine falls on all alike. The second
 * argument adds the same no-checks worker from another copy of apps/worker (say, the last
 * commit's, unpacked with `git archive`) for comparison.
 *
 *   BENCH_SPLIT=1       profiles with one group of checks each: where the cost goes
 *   BENCH_CONTROL=1     the no-checks worker twice: how far apart identical ones measure
 *   BENCH_ONLY=regex    only the variants whose label matches
 *   BENCH_NODE_ARGS     more flags for the workers' Node (say, --cpu-prof)
 *   BENCH_SIZE=102400   message size in bytes (1024 by default)
 *   BENCH_PERSISTENT=1  many messages per connection (smtp-source -d)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  VIOLATION_NAMES,
  VIOLATIONS,
  ZSnapshotSecurityProfile,
  type TSnapshotSecurityProfile,
} from '@portcullis/contracts';
import { startLoopbackDns } from '../test/helpers/loopback-dns.ts';
import { openSession } from '../test/helpers/smtp-client.ts';
import { freePort, pool, snapshot, virtualServer } from '../test/helpers/snapshot.ts';

const ROUNDS = Number(process.argv[2] ?? 5);
const OWN_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OTHER_DIR = process.argv[3];
const SESSIONS = 20;
const MESSAGE_BYTES = Number(process.env.BENCH_SIZE ?? 1024);
const IS_PERSISTENT = process.env.BENCH_PERSISTENT === '1';
const MESSAGES = (MESSAGE_BYTES > 10_000 ? 2_000 : 4_000) * (IS_PERSISTENT ? 3 : 1);
const SENDER = 'bench@sender.example';
const RECIPIENT = 'rcpt@protected.example';
const WORKER_FLAGS = ['--max-semi-space-size=4', '--optimize-for-size'];

// The defaults, except that greylisting passes after one attempt and the rate limits are
// above the load.
const DEFAULT_PROFILE: TSnapshotSecurityProfile = ZSnapshotSecurityProfile.parse({
  name: 'bench_default',
  remoteLogging: false,
  actions: {},
  settings: {
    greylisting: { holdSeconds: 0 },
    rateLimits: {
      messagesPerMinutePerClient: 1e9,
      messagesPerMinutePerSender: 1e9,
      concurrentConnectionsPerClient: 10_000,
    },
  },
});

interface TVariant {
  label: string;
  dir: string;
  profile: TSnapshotSecurityProfile | null;
}

interface TRunning extends TVariant {
  port: number;
  worker: ChildProcess;
  rates: number[];
  cpuMs: number;
}

// The default profile with only some checks' actions left on.
function withChecks(name: string, checks: string[]): TSnapshotSecurityProfile {
  const kept = (violation: (typeof VIOLATION_NAMES)[number]) =>
    checks.includes(VIOLATIONS[violation].check) || checks.includes(violation);
  const actions = Object.fromEntries(
    VIOLATION_NAMES.map((violation) => [
      violation,
      kept(violation) ? DEFAULT_PROFILE.actions[violation] : { alarm: false, block: false },
    ]),
  ) as TSnapshotSecurityProfile['actions'];

  return { ...DEFAULT_PROFILE, name, actions };
}

function listVariants(): TVariant[] {
  const split = [
    withChecks('no_actions', []),
    withChecks('protocol', ['compliance', 'methods']),
    withChecks('counters', ['rateLimits', 'greylisting', 'harvest']),
    withChecks('sender_domain', ['sender_domain_unresolvable']),
    withChecks('spf', ['spf']),
  ];
  const variants: TVariant[] = [
    ...(OTHER_DIR ? [{ label: `no checks (${OTHER_DIR})`, dir: OTHER_DIR, profile: null }] : []),
    { label: 'no checks', dir: OWN_DIR, profile: null },
    ...(process.env.BENCH_CONTROL
      ? [{ label: 'no checks, again', dir: OWN_DIR, profile: null }]
      : []),
    ...(process.env.BENCH_SPLIT ? split : []).map((profile) => ({
      label: `only ${profile.name}`,
      dir: OWN_DIR,
      profile,
    })),
    { label: 'default profile', dir: OWN_DIR, profile: DEFAULT_PROFILE },
  ];
  const only = process.env.BENCH_ONLY;

  return variants.filter((variant) => !only || new RegExp(only).test(variant.label));
}

async function main() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-bench-protection-'));
  const dns = await startLoopbackDns({
    'sender.example': {
      MX: [{ exchange: 'mx.sender.example', preference: 10 }],
      TXT: ['v=spf1 ip4:127.0.0.0/8 -all'],
    },
  });
  const sinkPort = await freePort();
  const sinkArgs = ['-u', 'nobody', `127.0.0.1:${sinkPort}`, '1000'];
  const sink = spawn('smtp-sink', sinkArgs, { stdio: 'ignore' });
  const running: TRunning[] = [];

  try {
    await waitForGreeting(sinkPort);
    for (const variant of listVariants()) {
      running.push(await startVariant(variant, workDir, sinkPort, dns.address));
    }

    for (let round = 0; round < ROUNDS; round += 1) {
      const order = running.map((_, index) => running[(index + round) % running.length]!);
      for (const variant of order) {
        const cpuBefore = await cpuTimeMs(variant.worker.pid ?? 0);
        variant.rates.push(await runSmtpSource(variant.port));
        variant.cpuMs += (await cpuTimeMs(variant.worker.pid ?? 0)) - cpuBefore;
      }
    }

    const baseline = running.find((variant) => variant.label === 'no checks');
    for (const variant of running) report(variant, baseline?.rates);
    process.stdout.write(`DNS queries answered: ${dns.queries}\n`);
  } finally {
    for (const variant of running) await stop(variant.worker);
    sink.kill('SIGTERM');
    await dns.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

async function startVariant(
  variant: TVariant,
  workDir: string,
  sinkPort: number,
  dnsAddress: string,
): Promise<TRunning> {
  const port = await freePort();
  const file = path.join(workDir, `${variant.label.replace(/\W+/g, '-')}.json`);
  const vs = virtualServer('bench_vs', port, { securityProfile: variant.profile?.name ?? null });
  await writeFile(
    file,
    JSON.stringify(
      snapshot(1, {
        virtualServers: [vs],
        pools: [pool('pool_a', [sinkPort])],
        securityProfiles: variant.profile ? [variant.profile] : [],
        dns: { resolvers: [dnsAddress], timeoutMs: 2000 },
      }),
    ),
  );

  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const args = [...extra, ...WORKER_FLAGS, '--import', 'tsx', 'scripts/serve-snapshot.ts', file];
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  const worker = spawn(process.execPath, args, { cwd: variant.dir, env, stdio: 'inherit' });
  await waitForGreeting(port);
  await warmUp(port);
  // A first run lets V8 optimise; only the counted rounds are reported.
  await runSmtpSource(port);

  return { ...variant, port, worker, rates: [], cpuMs: 0 };
}

// Greylisting's first attempt for the benchmark's triplet, then a pass: remembered.
async function warmUp(port: number): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const client = await openSession(port, 'bench.example');
    await client.sendMail(SENDER, [RECIPIENT], 'Subject: warm up\r\n\r\nbody');
    client.close();
  }
}

async function runSmtpSource(port: number): Promise<number> {
  const args = [
    '-s', String(SESSIONS), '-m', String(MESSAGES), '-l', String(MESSAGE_BYTES),
    '-f', SENDER, '-t', RECIPIENT, ...(IS_PERSISTENT ? ['-d'] : []), `127.0.0.1:${port}`,
  ];
  const started = process.hrtime.bigint();
  const stderr = await new Promise<string>((resolve) => {
    const child = spawn('smtp-source', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', () => resolve(errors));
  });
  if (stderr.trim()) throw new Error(`smtp-source: ${stderr.trim().slice(0, 300)}`);

  return MESSAGES / (Number(process.hrtime.bigint() - started) / 1e9);
}

// User and system time of a process (fields 14 and 15 of /proc/<pid>/stat, in ticks).
async function cpuTimeMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];

  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function report(variant: TRunning, baseline?: number[]): void {
  const { label, rates } = variant;
  // Each round against the baseline's round of the same pass.
  const ratios = baseline ? rates.map((rate, index) => rate / (baseline[index] ?? rate)) : [];
  const ratio = baseline ? ` = ${(median(ratios) * 100).toFixed(0)}% of no checks` : '';
  const cpu = (variant.cpuMs / (MESSAGES * rates.length)).toFixed(3);
  const all = rates.map((rate) => rate.toFixed(0)).join(', ');
  const line = `${label.padEnd(40)} median ${median(rates).toFixed(0).padStart(5)} msg/s${ratio}`;
  process.stdout.write(`${line} (${all}); worker CPU ${cpu} ms/msg\n`);
}

function waitForGreeting(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (chunk) => {
        socket.destroy();
        if (chunk.toString().startsWith('220')) resolve();
        else retry();
      });
      socket.once('error', retry);
    };
    const retry = () => {
      if (Date.now() > deadline) return reject(new Error(`nothing greeted on ${port}`));
      setTimeout(attempt, 100);
    };
    attempt();
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

await main();
