import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type TBackend } from './helpers/backend.ts';
import { openSession, relayOne, type RawSmtpClient } from './helpers/smtp-client.ts';
import { freePort, pool, snapshot, virtualServer } from './helpers/snapshot.ts';
import { startWorkerProcess, type TWorkerProcess } from './helpers/worker-process.ts';
import { waitFor } from './helpers/worker.ts';

const MESSAGE_BYTES = 50 * 1024 * 1024;
// Dead socket buffers pile up between garbage collections, so any streaming Node
// process grows a little whatever it streams (with V8's defaults a bare
// socket.pipe() proxy grows ~40 MiB on the same 50 MB; the worker runs with the
// flags of `npm start`, which keep it at 12-21 MiB). The bounds prove no message is
// held: well below one message, and hardly moving with two more of them.
const FIRST_GROWTH_LIMIT_BYTES = 28 * 1024 * 1024;
const TOTAL_GROWTH_LIMIT_BYTES = 32 * 1024 * 1024;

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
      snapshot(1, {
        virtualServers: [virtualServer('vs_big', port)],
        pools: [pool('pool_a', [backend.port])],
      }),
    );
  });

  after(async () => {
    await worker.stop();
    await backend.stop();
  });

  it('should stream through without the worker holding it in memory', async () => {
    // Warm up every code path first so the baseline includes them.
    assert.equal(await relayOne(port, 'warm up'), 250);
    await waitFor(() => backend.messages.length === 1);

    const baseline = await worker.resetPeak();
    const bytesBefore = backend.bytes;
    const client = await openSession(port);
    assert.equal(await sendLargeMessage(client), 250);
    const firstGrowth = (await worker.peakRss()) - baseline;
    const relayed = backend.bytes - bytesBefore;

    const sent = BLOCKS * BLOCK.length;
    // The member gets the message and our Received header, nothing more or less.
    assert.ok(relayed > sent && relayed < sent + 400, `relayed ${relayed} of ${sent}`);
    assert.ok(firstGrowth < FIRST_GROWTH_LIMIT_BYTES, `worker rss grew by ${mib(firstGrowth)} MiB`);

    // Two more: if anything were kept per message, the peak would climb.
    assert.equal(await sendLargeMessage(client), 250);
    assert.equal(await sendLargeMessage(client), 250);
    client.close();
    const totalGrowth = (await worker.peakRss()) - baseline;

    const summary = `${mib(firstGrowth)} MiB after 50 MB, ${mib(totalGrowth)} MiB after 150 MB`;
    assert.ok(totalGrowth < TOTAL_GROWTH_LIMIT_BYTES, `worker rss grew by ${summary}`);
    console.log(`# worker rss growth: ${summary}`);
  });
});

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
