// Throughput of the ICAP client against a real c-icap + clamd on loopback:
// 400 scans of a clean 100 KB message, 4 at a time, for client.scan() and for
// scanMessage() (whole message plus each part). Run: npm run measure -w @portcullis/icap
import { startIcapServer } from '@portcullis/testkit';
import { createIcapClient, scanMessage, type TIcapClient } from '../src/index.ts';

const SCANS = 400;
const CONCURRENCY = 4;
const MESSAGE_BYTES = 100 * 1024;
const ROUNDS = 5;

function cleanMessage(bytes: number): Buffer {
  const line = 'The quick brown fox jumps over the lazy dog, again and again and again.\r\n';
  const head = 'From: a@example.test\r\nTo: b@example.test\r\nSubject: measure\r\n\r\n';

  return Buffer.from(head + line.repeat(Math.ceil(bytes / line.length))).subarray(0, bytes);
}

async function timeScans(scan: () => Promise<{ verdict: string }>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < SCANS) {
      next += 1;
      const verdict = await scan();
      if (verdict.verdict !== 'clean') throw new Error(`not clean: ${JSON.stringify(verdict)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  return Number(process.hrtime.bigint() - started) / 1e9;
}

type TScan = () => Promise<{ verdict: string }>;

async function measure(name: string, client: TIcapClient, scan: TScan) {
  await timeScans(scan);
  const rates: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round += 1) rates.push(SCANS / (await timeScans(scan)));
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerScan = (cpu.user + cpu.system) / 1000 / (SCANS * ROUNDS);
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(ROUNDS / 2)]!;
  const { connectionsOpened } = client.stats();

  process.stdout.write(
    `${name}: median ${median.toFixed(0)} msg/s over ${ROUNDS} rounds ` +
      `(min ${rates[0]!.toFixed(0)}, max ${rates.at(-1)!.toFixed(0)}), ` +
      `client CPU ${cpuMsPerScan.toFixed(2)} ms/msg, ${connectionsOpened} connections opened\n`,
  );
}

const server = await startIcapServer();
const message = cleanMessage(MESSAGE_BYTES);
try {
  const client = createIcapClient({ ...server, maxConnections: CONCURRENCY });
  const kilobytes = MESSAGE_BYTES / 1024;
  const workload = `${SCANS} scans of a clean ${kilobytes} KB message, ${CONCURRENCY} at a time`;
  process.stdout.write(`${workload}\n`);
  await measure('client.scan', client, () => client.scan(message));
  await measure('scanMessage', client, () => scanMessage(client, message));
  await client.close();
} finally {
  await server.stop();
}
