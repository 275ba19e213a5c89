// SMTP throughput of Portcullis beside Postfix's smtp-sink reached directly and
// Haraka relaying to the same sink, all measured in one run with Postfix's
// smtp-source. Prints messages per second, ratios and the worker's peak RSS.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, readPeakRssBytes, type TStartedProcess } from '@portcullis/testkit';
import { startHaraka } from './haraka.ts';
import { measureTarget } from './measure.ts';
import { startPortcullis } from './portcullis.ts';
import { startSmtpSink, waitForSmtpGreeting } from './smtp-tools.ts';
import { printTable } from './report.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SESSIONS = 20;
const LOADS = [
  { label: '1 KB, new connection per message', messageBytes: 1024, isPersistent: false },
  { label: '100 KB, new connection per message', messageBytes: 102_400, isPersistent: false },
  { label: '1 KB, persistent connections', messageBytes: 1024, isPersistent: true },
  { label: '100 KB, persistent connections', messageBytes: 102_400, isPersistent: true },
];

export async function runSmtpBench(): Promise<void> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'portcullis-bench-'));
  const [sinkPort, harakaPort, portcullisPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const started: Array<{ stop(): Promise<void> }> = [];

  try {
    const sink: TStartedProcess = await startSmtpSink(sinkPort, workDir);
    started.push(sink);
    const haraka = await startHaraka(harakaPort, sinkPort, path.join(workDir, 'haraka'));
    started.push(haraka);
    const portcullis = await startPortcullis(portcullisPort, sinkPort, path.join(workDir, 'portcullis'));
    started.push(portcullis.stack);
    await Promise.all([sinkPort, harakaPort, portcullisPort].map((port) => waitForSmtpGreeting(port)));

    const targets = [
      { name: 'direct to smtp-sink', port: sinkPort },
      { name: 'Haraka smtp_forward', port: harakaPort },
      { name: 'Portcullis, no checks', port: portcullisPort },
    ];
    const rows = [];
    for (const load of LOADS) {
      const figures: Record<string, number> = {};
      for (const target of targets) {
        const result = await measureTarget(target.port, { sessions: SESSIONS, ...load }, ROUNDS);
        figures[target.name] = result.median;
      }
      rows.push({ load: load.label, figures });
    }

    const peakRss = await readPeakRssBytes(portcullis.workerPid);
    printTable(rows, targets.map((t) => t.name), { rounds: ROUNDS, sessions: SESSIONS, peakRss });
  } finally {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  }
}
