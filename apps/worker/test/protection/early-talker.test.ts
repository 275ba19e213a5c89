// Talking first with no greeting pause: whatever the worker has read before it writes the
// 220 counts. A counter store that takes its time (Redis far away, say) leaves a window.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemoryCounterStore, type TCounterStore } from '@portcullis/policy';
import { expectBlocked } from '../helpers/expect-violation.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { RawSmtpClient } from '../helpers/smtp-client.ts';
import { BLOCK, profileWith } from '../helpers/snapshot.ts';

const STORE_DELAY_MS = 150;

// The memory store, with every slot taken 150 ms late.
function slowStore(): TCounterStore {
  const store = createMemoryCounterStore();
  const acquireSlot = store.acquireSlot.bind(store);

  return Object.assign(store, {
    acquireSlot: async (key: string, slotId: string, ttlMs: number) => {
      await new Promise((resolve) => setTimeout(resolve, STORE_DELAY_MS));

      return acquireSlot(key, slotId, ttlMs);
    },
  });
}

describe('talking before the greeting without a pause', () => {
  let harness: THarness;
  const store = slowStore();

  before(async () => {
    harness = await startProtectedWorker({ counterStore: store });
  });

  after(async () => {
    await harness.stop();
    await store.close();
  });

  it('should count what arrived before the 220 was written, with greetingDelayMs 0', async () => {
    const port = await harness.serve(profileWith('eager', {
      rfc_early_talker: BLOCK,
      rate_limit_concurrency: BLOCK,
    }, { compliance: { greetingDelayMs: 0 } }));
    const patient = await RawSmtpClient.connect(port);
    const welcome = await patient.read();
    patient.close();

    const client = await RawSmtpClient.connect(port);
    await client.write('EHLO eager.example\r\n');
    const greeting = await client.read();
    client.close();

    assert.equal(welcome.code, 220, 'a client that waits is greeted');
    await expectBlocked(harness, greeting, 554, null, 'rfc_early_talker');
  });
});
