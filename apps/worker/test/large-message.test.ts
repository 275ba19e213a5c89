import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { openSession, type RawSmtpClient } from './helpers/smtp-client.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { startWorkerProcess, type TWorkerProcess } from './helpers/worker-process.ts';
import { waitFor } from './helpers/worker.ts';

const MESSAGE_BYTES = 50 * 1024 * 1024;
// V8 collects dead buffers once about 32 MiB of them have piled up (its external
// memory trigger), so a streaming process shows a sawtooth of that height whatever
// it streams. The bound proves no message is held: it is below one message and
// does not grow with more of them.
const RSS_GROWTH_LIMIT_BYTES = 40 * 1024 * 1024;

// One 64 KB block of 78-octet lines, written again and again.
const LINE = `${'y'.repeat(76)}\r\n`;
const BLOCK = Buffer.from(LINE.repeat(Math.floor(65536 / LINE.length)));
const BLOCKS = Math.ceil(MESSAGE_BYTES / BLOCK.length);

async function sendLargeMessage(client: RawSmtpClient): Promise<number> {
  await client.command('MAIL FROM:<s@example.com>');
  await client.command('RCPT TO:<r@example.org>');
  assert.equal((await client.command('DATA')).code, 354);
  for (let i = 0; i < BLOCKS; i += 1) await client.write(BLOCK);
  await client.write('.\r\n');

  return (await client.read()).code;
}

// The worker runs in a child process so its rss is not mixed with this process's
// client and backend, which handle the same 50 MB on their side.
describe('a 50 MB message', () => {
  let worker: TWorkerProcess;
  let backend: TBackend;
  let port: number;

  before(async () => {
    worker = await startWorkerProcess();
    backend = await startBackend({ isCountingOnly: true });
    port = await freePort();
    await worker.apply(
      snapshot(1, { virtualServers: [virtualServer('vs_big', port)], pools: [pool('pool_a', [backend.port])] }),
    );
  });

  after(async () => {
    await worker.stop();
    await backend.stop();
  });

  it('should stream through without the worker holding it in memory', async () => {
    // Warm up every code path first so the baseline includes them.
    const warm = await openSession(port);
    assert.equal((await warm.sendMail('s@example.com', ['r@example.org'], 'Subject: warm\r\n\r\nx')).code, 250);
    warm.close();
    await waitFor(() => backend.messages.length === 1);

    const baseline = await worker.resetPeak();
    const bytesBefore = backend.bytes;
    const client = await openSession(port);
    assert.equal(await sendLargeMessage(client), 250);
    const firstGrowth = (await worker.peakRss()) - baseline;
    const relayed = backend.bytes - bytesBefore;

    assert.ok(relayed > BLOCKS * BLOCK.length && relayed < BLOCKS * BLOCK.length + 400, `relayed ${relayed}`);
    assert.ok(firstGrowth < RSS_GROWTH_LIMIT_BYTES, `worker rss grew by ${mib(firstGrowth)} MiB`);

    // Two more: if anything were kept per message, the peak would climb.
    assert.equal(await sendLargeMessage(client), 250);
    assert.equal(await sendLargeMessage(client), 250);
    client.close();
    const totalGrowth = (await worker.peakRss()) - baseline;

    assert.ok(totalGrowth < RSS_GROWTH_LIMIT_BYTES, `worker rss grew by ${mib(totalGrowth)} MiB over 150 MB`);
    console.log(`# worker rss growth: ${mib(firstGrowth)} MiB after 50 MB, ${mib(totalGrowth)} MiB after 150 MB`);
  });
});

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
