// Rate limit: messages per minute from one client (an IPv4 address, or an IPv6 network of
// ipv6PrefixLength). Call it once per transaction, at MAIL FROM.
//
// Fails OPEN: when the counter store does not answer, the message is let through and a
// warning logged. A rate limit protects capacity, and refusing all mail during a Redis
// outage would do more harm than a short spell without limits.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';
import { COUNTER_KEYS, rateNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

type TRateLimitSettings = TSecurityProfileSettings['rateLimits'];

export const RATE_WINDOW_MS = 60_000;

export async function checkClientMessageRate(
  input: { client: string },
  settings: TRateLimitSettings,
  deps: TPolicyDeps,
): Promise<TViolationFound | null> {
  const network = rateNetwork(input.client, settings.ipv6PrefixLength);
  const limit = settings.messagesPerMinutePerClient;

  let count: number;
  try {
    count = await deps.store.hit(COUNTER_KEYS.clientMessages(network), RATE_WINDOW_MS);
  } catch (error) {
    return failOpen(deps, 'rate_limit_client', error);
  }

  if (count <= limit) return null;

  return {
    violation: 'rate_limit_client',
    detail: `${count} messages in the last minute from ${network}, limit ${limit}`,
    retryAfterSeconds: RATE_WINDOW_MS / 1000,
  };
}
