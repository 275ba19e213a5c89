// Rate limit: messages per minute from one envelope sender. The null sender (bounces) is
// counted per client network, never in one bucket for the whole Internet: otherwise one
// host's bounce storm would block every other host's bounces.
//
// Fails OPEN, like checkClientMessageRate and for the same reason.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';
import { afterStore, type TMaybePromise } from '../store/counter-store.ts';
import { COUNTER_KEYS, rateNetwork, senderKey } from './client-keys.ts';
import { RATE_WINDOW_MS } from './check-client-message-rate.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

type TRateLimitSettings = TSecurityProfileSettings['rateLimits'];

/** The finding, or null; at once on the memory store, as a promise on Redis. */
export function checkSenderMessageRate(
  input: { client: string; sender: string | null },
  settings: TRateLimitSettings,
  deps: TPolicyDeps,
): TMaybePromise<TViolationFound | null> {
  const sender = senderKey(input.sender);
  const network = rateNetwork(input.client, settings.ipv6PrefixLength);
  const limit = settings.messagesPerMinutePerSender;

  return afterStore(
    deps.store.hit(COUNTER_KEYS.senderMessages(sender, network), RATE_WINDOW_MS),
    (count) => (count <= limit ? null : overSenderRate(count, sender, network, limit)),
    (error) => failOpen(deps, 'rate_limit_sender', error),
  );
}

function overSenderRate(count: number, sender: string, network: string, limit: number) {
  const who = sender === '' ? `the null sender from ${network}` : `<${sender}>`;

  return {
    violation: 'rate_limit_sender' as const,
    detail: `${count} messages in the last minute from ${who}, limit ${limit}`,
    retryAfterSeconds: RATE_WINDOW_MS / 1000,
  };
}
