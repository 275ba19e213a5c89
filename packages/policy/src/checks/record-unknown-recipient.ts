// Directory harvesting: a client that asks for more non-existent recipients per minute than
// the profile allows is refused for blockSeconds. Counted per client (IPv4 address or IPv6
// /64) in the shared store, not per session, so RSET and reconnecting do not reset it.
//
// The caller reports each unknown recipient: one a backend refused with 550 5.1.1, or one
// missing from validRecipients (see isRecipientUnknown). It asks isHarvestBlocked at
// connect and at RCPT, and only refuses when the profile blocks directory_harvest.
//
// Fails OPEN: without the store nothing is counted and nobody is blocked. A harvester gets
// a few more guesses during an outage; legitimate mail keeps flowing.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';
import { afterStore, type TMaybePromise } from '../store/counter-store.ts';
import { COUNTER_KEYS, harvestNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

type THarvestSettings = TSecurityProfileSettings['harvest'];

const HARVEST_WINDOW_MS = 60_000;

/** Counts one unknown recipient; returns the violation once the client is past the limit. */
export function recordUnknownRecipient(
  input: { client: string },
  settings: THarvestSettings,
  deps: TPolicyDeps,
): TMaybePromise<TViolationFound | null> {
  const network = harvestNetwork(input.client);
  const onFailure = (error: unknown) => failOpen(deps, 'directory_harvest', error);

  return afterStore(
    deps.store.hit(COUNTER_KEYS.harvestCount(network), HARVEST_WINDOW_MS),
    (count) => {
      const limit = settings.maxUnknownRecipientsPerMinute;
      if (count <= limit) return null;

      const blockMs = settings.blockSeconds * 1000;
      const until = deps.store.now() + blockMs;
      const finding: TViolationFound = {
        violation: 'directory_harvest',
        detail: `${count} unknown recipients in the last minute from ${network}, limit ${limit}`,
        retryAfterSeconds: settings.blockSeconds,
      };
      const stored = deps.store.set(COUNTER_KEYS.harvestBlock(network), String(until), blockMs);

      return afterStore(stored, () => finding, onFailure);
    },
    onFailure,
  );
}
