// Greylisting (RFC 6647) by triplet: client network, envelope sender, recipient.
//
//   first attempt                          → greylisted; first-seen time stored
//   retry before holdSeconds               → greylisted again; first-seen time kept
//   retry within retryWindowSeconds        → passes; triplet remembered for expirySeconds
//   retry after retryWindowSeconds         → starts over as a first attempt
//   a remembered triplet                   → passes at once; remembered expirySeconds more
//
// Decisions compare stored times with the store's clock; the keys' TTLs only reclaim space.
// Two workers racing on one triplet can only both write the same outcome, so plain writes
// suffice; the first attempt uses setIfAbsent so a first-seen time is never overwritten.
//
// Fails CLOSED: without the store the answer is a temporary failure (451 4.3.0), never a
// silent pass. Greylisting that lets everything through while Redis is down would hide the
// outage; a real MTA retries a 4xx and its mail arrives once Redis is back.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import { normalizeAddress } from '../mail/address.ts';
import { toClientNetwork } from '../net/ip-network.ts';
import type { TTemporaryFailure, TViolationFound } from '../results/check-result.ts';
import { COUNTER_KEYS } from './client-keys.ts';
import { findGreylistExemption, type TGreylistInput } from './find-greylist-exemption.ts';
import { failClosed, type TPolicyDeps } from './policy-deps.ts';

type TGreylistSettings = TSecurityProfileSettings['greylisting'];

const PENDING = 'pending:';
const PASSED = 'passed:';

export async function checkGreylist(
  input: TGreylistInput,
  settings: TGreylistSettings,
  deps: TPolicyDeps,
): Promise<TViolationFound | TTemporaryFailure | null> {
  if (findGreylistExemption(input, settings) !== null) return null;

  const network = toClientNetwork(
    input.client,
    settings.ipv4PrefixLength,
    settings.ipv6PrefixLength,
  );
  const sender = normalizeAddress(input.sender);
  const recipient = normalizeAddress(input.recipient);
  const key = COUNTER_KEYS.greylist(network, sender, recipient);
  const triplet = `${network} <${sender}> <${recipient}>`;

  try {
    return await decide(key, triplet, settings, deps);
  } catch (error) {
    return failClosed(deps, 'greylisted', error);
  }
}

async function decide(
  key: string,
  triplet: string,
  settings: TGreylistSettings,
  deps: TPolicyDeps,
): Promise<TViolationFound | null> {
  const { store } = deps;
  const now = store.now();
  const holdMs = settings.holdSeconds * 1000;
  const windowMs = settings.retryWindowSeconds * 1000;
  const pendingTtlMs = Math.max(windowMs, holdMs) + 60_000;
  const greylisted = (why: string, waitMs: number): TViolationFound => ({
    violation: 'greylisted',
    detail: `${triplet}: ${why}`,
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });

  if (await store.setIfAbsent(key, `${PENDING}${now}`, pendingTtlMs)) {
    return greylisted('first attempt', holdMs);
  }

  const stored = (await store.get(key)) ?? `${PENDING}${now}`;
  const since = Number(stored.slice(stored.indexOf(':') + 1));
  const elapsed = Number.isFinite(since) ? now - since : Infinity;
  const expiryMs = settings.expirySeconds * 1000;

  if (stored.startsWith(PASSED) && elapsed <= expiryMs) {
    await store.set(key, `${PASSED}${now}`, expiryMs);

    return null;
  }
  if (stored.startsWith(PASSED)) {
    await store.set(key, `${PENDING}${now}`, pendingTtlMs);

    return greylisted('remembered triplet expired, starting over', holdMs);
  }

  if (elapsed < holdMs) return greylisted('retried before the hold ended', holdMs - elapsed);

  if (elapsed <= windowMs) {
    await store.set(key, `${PASSED}${now}`, expiryMs);

    return null;
  }

  await store.set(key, `${PENDING}${now}`, pendingTtlMs);

  return greylisted('retried after the retry window, starting over', holdMs);
}
