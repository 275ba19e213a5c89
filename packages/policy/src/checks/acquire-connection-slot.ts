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
import { afterStore, type TMaybePromise } from '../store/counter-store.ts';
import { COUNTER_KEYS, rateNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

type TRateLimitSettings = TSecurityProfileSettings['rateLimits'];

export interface TConnectionSlot {
  /** Frees the slot; safe to call more than once. Never throws or rejects. */
  release(): TMaybePromise<void>;
  /** Pushes the lapse out again; false when the slot lapsed or the store is down. */
  renew(): Promise<boolean>;
}

export interface TConnectionSlotOutcome {
  slot: TConnectionSlot;
  /** Set when this connection is over the limit. */
  finding: TViolationFound | null;
}

export const DEFAULT_SLOT_TTL_MS = 10 * 60_000;

// Slot ids need only be unique among the workers sharing a store: one random part per
// process and a counter, rather than a UUID per connection.
const SLOT_ID_PREFIX = randomUUID();
let slotsTaken = 0;

/** The slot and a finding when over the limit; at once on the memory store. */
export function acquireConnectionSlot(
  input: { client: string },
  settings: TRateLimitSettings,
  deps: TPolicyDeps,
  options: { slotTtlMs?: number } = {},
): TMaybePromise<TConnectionSlotOutcome> {
  const network = rateNetwork(input.client, settings.ipv6PrefixLength);
  const key = COUNTER_KEYS.connections(network);
  const ttlMs = options.slotTtlMs ?? DEFAULT_SLOT_TTL_MS;
  slotsTaken += 1;
  const slotId = `${SLOT_ID_PREFIX}:${slotsTaken}`;
  const limit = settings.concurrentConnectionsPerClient;

  return afterStore<number, TConnectionSlotOutcome>(
    deps.store.acquireSlot(key, slotId, ttlMs),
    (count) => {
      const slot = new SlotHandle(deps, key, slotId, ttlMs);
      if (count <= limit) return { slot, finding: null };

      const detail = `${count} connections from ${network}, limit ${limit}`;

      return { slot, finding: { violation: 'rate_limit_concurrency' as const, detail } };
    },
    (error) => {
      failOpen(deps, 'rate_limit_concurrency', error);

      return { slot: INERT_SLOT, finding: null };
    },
  );
}

const INERT_SLOT: TConnectionSlot = {
  release: () => {},
  renew: async () => false,
};

class SlotHandle implements TConnectionSlot {
  private readonly deps: TPolicyDeps;
  private readonly key: string;
  private readonly slotId: string;
  private readonly ttlMs: number;
  private isReleased = false;

  constructor(deps: TPolicyDeps, key: string, slotId: string, ttlMs: number) {
    this.deps = deps;
    this.key = key;
    this.slotId = slotId;
    this.ttlMs = ttlMs;
  }

  release(): TMaybePromise<void> {
    if (this.isReleased) return;

    this.isReleased = true;
    const { deps } = this;
    // A slot that cannot be freed now lapses by its TTL.
    try {
      return afterStore(
        deps.store.releaseSlot(this.key, this.slotId),
        () => undefined,
        (error) => void failOpen(deps, 'rate_limit_concurrency', error),
      );
    } catch (error) {
      failOpen(deps, 'rate_limit_concurrency', error);
    }
  }

  async renew(): Promise<boolean> {
    if (this.isReleased) return false;

    try {
      return await this.deps.store.renewSlot(this.key, this.slotId, this.ttlMs);
    } catch (error) {
      failOpen(this.deps, 'rate_limit_concurrency', error);

      return false;
    }
  }
}
