// Rate limit: messages per minute from one client (an IPv4 address, or an IPv6 network of
// ipv6PrefixLength). Call it once per transaction, at MAIL FROM.
//
// Fails OPEN: when the counter store does not answer, the message is let through and a
// warning logged. A rate limit protects capacity, and refusing all mail during a Redis
// outage would do more harm than a short spell without limits.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';
import { afterStore, type TMaybePromise } from '../store/counter-store.ts';
import { COUNTER_KEYS, rateNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

type TRateLimitSettings = TSecurityProfileSettings['rateLimits'];

export const RATE_WINDOW_MS = 60_000;

/** The finding, or null; at once on the memory store, as a promise on Redis. */
export function checkClientMessageRate(
  input: { client: string },
  settings: TRateLimitSettings,
  deps: TPolicyDeps,
): TMaybePromise<TViolationFound | null> {
  const network = rateNetwork(input.client, settings.ipv6PrefixLength);
  const limit = settings.messagesPerMinutePerClient;

  return afterStore(
    deps.store.hit(COUNTER_KEYS.clientMessages(network), RATE_WINDOW_MS),
    (count) => (count <= limit ? null : overClientRate(count, network, limit)),
    (error) => failOpen(deps, 'rate_limit_client', error),
  );
}

function overClientRate(count: number, network: string, limit: number): TViolationFound {
  return {
    violation: 'rate_limit_client',
    detail: `${count} messages in the last minute from ${network}, limit ${limit}`,
    retryAfterSeconds: RATE_WINDOW_MS / 1000,
  };
}
