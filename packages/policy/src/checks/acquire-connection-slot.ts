// Rate limit: concurrent connections from one client (an IPv4 address, or an IPv6 network).
// Every connection takes a slot, also one over the limit, so that with Alarm only the count
// stays true; the caller releases it when the connection closes (at once when it refuses).
//
// A slot lapses slotTtlMs after it was taken or renewed, so a worker that crashed leaks
// nothing for long. Sessions longer than that should call renew() now and then (on each
// command, say); one that does not is simply no longer counted.
//
// Fails OPEN: without the store the connection is let in with a slot that does nothing.
import { randomUUID } from 'node:crypto';
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';
import { COUNTER_KEYS, rateNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

type TRateLimitSettings = TSecurityProfileSettings['rateLimits'];

export interface TConnectionSlot {
  /** Frees the slot; safe to call more than once. Never throws. */
  release(): Promise<void>;
  /** Pushes the lapse out again; false when the slot lapsed or the store is down. */
  renew(): Promise<boolean>;
}

export interface TConnectionSlotOutcome {
  slot: TConnectionSlot;
  /** Set when this connection is over the limit. */
  finding: TViolationFound | null;
}

export const DEFAULT_SLOT_TTL_MS = 10 * 60_000;

export async function acquireConnectionSlot(
  input: { client: string },
  settings: TRateLimitSettings,
  deps: TPolicyDeps,
  options: { slotTtlMs?: number } = {},
): Promise<TConnectionSlotOutcome> {
  const network = rateNetwork(input.client, settings.ipv6PrefixLength);
  const key = COUNTER_KEYS.connections(network);
  const ttlMs = options.slotTtlMs ?? DEFAULT_SLOT_TTL_MS;
  const slotId = randomUUID();
  const limit = settings.concurrentConnectionsPerClient;

  let count: number;
  try {
    count = await deps.store.acquireSlot(key, slotId, ttlMs);
  } catch (error) {
    failOpen(deps, 'rate_limit_concurrency', error);

    return { slot: INERT_SLOT, finding: null };
  }

  const slot = createSlotHandle(deps, key, slotId, ttlMs);
  if (count <= limit) return { slot, finding: null };

  const detail = `${count} connections from ${network}, limit ${limit}`;

  return { slot, finding: { violation: 'rate_limit_concurrency', detail } };
}

const INERT_SLOT: TConnectionSlot = {
  release: async () => {},
  renew: async () => false,
};

function createSlotHandle(deps: TPolicyDeps, key: string, slotId: string, ttlMs: number) {
  let isReleased = false;

  return {
    async release() {
      if (isReleased) return;

      isReleased = true;
      // A slot that cannot be freed now lapses by its TTL.
      await deps.store.releaseSlot(key, slotId).catch((error: unknown) => {
        failOpen(deps, 'rate_limit_concurrency', error);
      });
    },

    async renew() {
      if (isReleased) return false;

      return deps.store.renewSlot(key, slotId, ttlMs).catch((error: unknown) => {
        failOpen(deps, 'rate_limit_concurrency', error);

        return false;
      });
    },
  };
}
