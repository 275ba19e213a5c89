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
import { afterStore, type TMaybePromise } from '../store/counter-store.ts';
import { COUNTER_KEYS } from './client-keys.ts';
import { findGreylistExemption, type TGreylistInput } from './find-greylist-exemption.ts';
import { failClosed, type TPolicyDeps } from './policy-deps.ts';

type TGreylistSettings = TSecurityProfileSettings['greylisting'];
type TGreylistResult = TViolationFound | TTemporaryFailure | null;

const PENDING = 'pending:';
const PASSED = 'passed:';

/** The finding, a temporary failure or null; at once on the memory store. */
export function checkGreylist(
  input: TGreylistInput,
  settings: TGreylistSettings,
  deps: TPolicyDeps,
): TMaybePromise<TGreylistResult> {
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
  const attempt: TAttempt = { key, triplet, settings, deps };
  const at = deps.store.now();

  return afterStore(
    deps.store.setIfAbsent(key, `${PENDING}${at}`, pendingTtlMs(settings)),
    (isFirst) => {
      if (isFirst) return greylisted(attempt, 'first attempt', holdMsOf(settings));

      return afterStore(
        deps.store.get(key),
        (stored) => judgeRetry(attempt, stored ?? `${PENDING}${at}`, at),
        (error) => failClosed(deps, 'greylisted', error),
      );
    },
    (error) => failClosed(deps, 'greylisted', error),
  );
}

interface TAttempt {
  key: string;
  triplet: string;
  settings: TGreylistSettings;
  deps: TPolicyDeps;
}

const holdMsOf = (settings: TGreylistSettings) => settings.holdSeconds * 1000;

const pendingTtlMs = (settings: TGreylistSettings) =>
  Math.max(settings.retryWindowSeconds * 1000, holdMsOf(settings)) + 60_000;

function greylisted(attempt: TAttempt, why: string, waitMs: number): TViolationFound {
  return {
    violation: 'greylisted',
    detail: `${attempt.triplet}: ${why}`,
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  };
}

// A triplet seen before: passed and remembered, or pending since its first attempt.
function judgeRetry(
  attempt: TAttempt,
  stored: string,
  now: number,
): TMaybePromise<TGreylistResult> {
  const { settings } = attempt;
  const since = Number(stored.slice(stored.indexOf(':') + 1));
  const elapsed = Number.isFinite(since) ? now - since : Infinity;
  const holdMs = holdMsOf(settings);
  const expiryMs = settings.expirySeconds * 1000;

  if (stored.startsWith(PASSED) && elapsed <= expiryMs) {
    return writeState(attempt, `${PASSED}${now}`, expiryMs, null);
  }
  if (stored.startsWith(PASSED)) {
    const finding = greylisted(attempt, 'remembered triplet expired, starting over', holdMs);

    return writeState(attempt, `${PENDING}${now}`, pendingTtlMs(settings), finding);
  }

  if (elapsed < holdMs) {
    return greylisted(attempt, 'retried before the hold ended', holdMs - elapsed);
  }

  if (elapsed <= settings.retryWindowSeconds * 1000) {
    return writeState(attempt, `${PASSED}${now}`, expiryMs, null);
  }

  const finding = greylisted(attempt, 'retried after the retry window, starting over', holdMs);

  return writeState(attempt, `${PENDING}${now}`, pendingTtlMs(settings), finding);
}

// Writes the triplet's new state, then answers with the outcome it stands for.
function writeState(
  attempt: TAttempt,
  value: string,
  ttlMs: number,
  outcome: TViolationFound | null,
): TMaybePromise<TGreylistResult> {
  const { deps } = attempt;

  return afterStore<void, TGreylistResult>(
    deps.store.set(attempt.key, value, ttlMs),
    () => outcome,
    (error) => failClosed(deps, 'greylisted', error),
  );
}
