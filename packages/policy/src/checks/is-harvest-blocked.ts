// Directory harvesting: whether a client is serving the block recordUnknownRecipient set.
// Fails OPEN (false, with a warning) when the store does not answer.
import { afterStore, type TMaybePromise } from '../store/counter-store.ts';
import { COUNTER_KEYS, harvestNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

/** Whether the client is serving a harvest block; at once on the memory store. */
export function isHarvestBlocked(
  input: { client: string },
  deps: TPolicyDeps,
): TMaybePromise<boolean> {
  const network = harvestNetwork(input.client);

  return afterStore(
    deps.store.get(COUNTER_KEYS.harvestBlock(network)),
    (until) => until !== null && Number(until) > deps.store.now(),
    (error) => failOpen(deps, 'directory_harvest', error) ?? false,
  );
}
