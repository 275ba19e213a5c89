/**
 * Throughput of the worker with Protocol Security off and with a default security
 * profile on, measured with Postfix's smtp-source against smtp-sink (FACTS.md). The DNS
 * checks (sender domain, SPF) are answered by a loopback DNS server in this process.
 *
 *   node --import tsx scripts/bench-protection.ts [rounds=5] [worker dir=apps/worker]
 *
 * The worker runs as scripts/serve-snapshot.ts in a child with the flags `npm start`
 * uses. A second argument points at another copy of apps/worker (say, the last commit's,
 * unpacked with `git archive`) to compare the path without checks against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
const MESSAGES = 4_000;
const SENDER = 'bench@sender.example';
const RECIPIENT = 'rcpt@protected.example';

const DEFAULT_PROFILE: TSnapshotSecurityProfile = ZSnapshotSecurityProfile.parse({
  name: 'bench_default',
  remoteLogging: false,
  actions: {},
  settings: {
    // Greylisting passes after one attempt; the limits are above the load.
    greylisting: { holdSeconds: 0 },
    rateLimits: {
      messagesPerMinutePerClient: 1e9,
      messagesPerMinutePerSender: 1e9,
      concurrentConnectionsPerClient: 10_000,
    },
  },
});

// The default profile with only some checks' actions left on: where the cost goes.
function withChecks(name: string, checks: string[]): TSnapshotSecurityProfile {
  const actions = Object.fromEntries(VIOLATION_NAMES.map((violation) => {
    const isKept = checks.includes(VIOLATIONS[violation].check) || checks.includes(violation);

    return [violation, isKept ? DEFAULT_PROFILE.actions[violation] : { alarm: false, block: false }];
  })) as TSnapshotSecurityProfile['actions'];

  return { ...DEFAULT_PROFILE, name, actions };
}

// BENCH_SPLIT=1 adds profiles with one group of checks at a time.
const SPLIT_PROFILES = [
  withChecks('no_actions', []),
  withChecks('protocol', ['compliance', 'methods']),
  withChecks('counters', ['rateLimits', 'greylisting', 'harvest']),
  ...(process.env.BENCH_SPLIT === 'counters' ? [
    withChecks('concurrency', ['rate_limit_concurrency']),
    withChecks('message_rates', ['rate_limit_client', 'rate_limit_sender']),
    withChecks('greylisting', ['greylisting']),
    withChecks('harvest', ['harvest']),
  ] : []),
  withChecks('sender_domain', ['sender_domain_unresolvable']),
  withChecks('spf', ['spf']),
];

async function main() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-bench-protection-'));
  const dns = await startLoopbackDns({
    'sender.example': { MX: [{ exchange: 'mx.sender.example', preference: 10 }], TXT: ['v=spf1 ip4:127.0.0.0/8 -all'] },
  });
  const sinkPort = await freePort();
  const sink = spawn('smtp-sink', ['-u', 'nobody', `127.0.0.1:${sinkPort}`, '1000'], { stdio: 'ignore' });
  const variants = [
    ...(OTHER_DIR ? [{ label: `no checks (${OTHER_DIR})`, dir: OTHER_DIR, profile: null }] : []),
    { label: 'no checks', dir: OWN_DIR, profile: null as TSnapshotSecurityProfile | null },
    // The same again: how far apart two identical workers measure on this machine.
    ...(process.env.BENCH_CONTROL ? [{ label: 'no checks, again', dir: OWN_DIR, profile: null }] : []),
    ...(process.env.BENCH_SPLIT ? SPLIT_PROFILES : []).map((profile) => ({
      label: `only ${profile.name}`, dir: OWN_DIR, profile,
    })),
    { label: 'default profile', dir: OWN_DIR, profile: DEFAULT_PROFILE },
  ];

  const workers: ChildProcess[] = [];

  try {
    await waitForGreeting(sinkPort);
    // BENCH_ONLY picks variants by a pattern of their labels ("default", "no checks|spf").
    const only = process.env.BENCH_ONLY;
    const running = [];
    for (const variant of variants.filter((item) => !only || new RegExp(only).test(item.label))) {
      const port = await freePort();
      const file = path.join(workDir, `${variant.label.replace(/\W+/g, '-')}.json`);
      await writeFile(file, JSON.stringify(snapshot(1, {
        virtualServers: [virtualServer('bench_vs', port, { securityProfile: variant.profile?.name ?? null })],
        pools: [pool('pool_a', [sinkPort])],
        securityProfiles: variant.profile ? [variant.profile] : [],
        dns: { resolvers: [dns.address], timeoutMs: 2000 },
      })));
      const worker = startWorker(variant.dir, file);
      workers.push(worker);
      await waitForGreeting(port);
      await warmUp(port);
      // A first run lets V8 optimise; only the counted rounds are reported.
      await runSmtpSource(port);
      running.push({ ...variant, port, worker, rates: [] as number[], cpuMs: 0 });
    }

    // Rounds go through the variants in turn, so that load from elsewhere on the machine
    // falls on all of them alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of running) {
        const cpuBefore = await cpuTimeMs(variant.worker.pid ?? 0);
        variant.rates.push(await runSmtpSource(variant.port));
        variant.cpuMs += (await cpuTimeMs(variant.worker.pid ?? 0)) - cpuBefore;
      }
    }
    const baseline = running.find((variant) => variant.label === 'no checks');
    for (const variant of running) report(variant.label, variant.rates, variant.cpuMs, baseline?.rates);
    process.stdout.write(`DNS queries answered: ${dns.queries}\n`);
  } finally {
    for (const worker of workers) await stop(worker);
    sink.kill('SIGTERM');
    await dns.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

function startWorker(dir: string, file: string): ChildProcess {
  // BENCH_NODE_ARGS adds flags to the worker's Node (say, --cpu-prof).
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const memoryFlags = process.env.BENCH_V8_DEFAULTS ? [] : ['--max-semi-space-size=4', '--optimize-for-size'];
  const args = [...extra, ...memoryFlags, '--import', 'tsx', 'scripts/serve-snapshot.ts', file];

  return spawn(process.execPath, args, { cwd: dir, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
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
  const args = ['-s', String(SESSIONS), '-m', String(MESSAGES), '-l', '1024', '-f', SENDER, '-t', RECIPIENT, `127.0.0.1:${port}`];
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

async function cpuTimeMs(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);

  return (ticks * 1000) / 100;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function report(label: string, rates: number[], cpuMs: number, baseline?: number[]): void {
  const messages = MESSAGES * rates.length;
  // Each round against the baseline's round run just before it.
  const ratios = baseline ? rates.map((rate, index) => rate / (baseline[index] ?? rate)) : [];
  const ratio = baseline ? ` = ${(median(ratios) * 100).toFixed(0)}% of no checks` : '';
  const line = `${label.padEnd(40)} median ${median(rates).toFixed(0).padStart(5)} msg/s${ratio} ` +
    `(${rates.map((rate) => rate.toFixed(0)).join(', ')}); worker CPU ${(cpuMs / messages).toFixed(3)} ms/msg\n`;
  process.stdout.write(line);
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
