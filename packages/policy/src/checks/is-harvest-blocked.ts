// Directory harvesting: whether a client is serving the block recordUnknownRecipient set.
// Fails OPEN (false, with a warning) when the store does not answer.
import { COUNTER_KEYS, harvestNetwork } from './client-keys.ts';
import { failOpen, type TPolicyDeps } from './policy-deps.ts';

/** Whether the client is serving a harvest block. */
export async function isHarvestBlocked(
  input: { client: string },
  deps: TPolicyDeps,
): Promise<boolean> {
  const network = harvestNetwork(input.client);

  try {
    const until = await deps.store.get(COUNTER_KEYS.harvestBlock(network));

    return until !== null && Number(until) > deps.store.now();
  } catch (error) {
    return failOpen(deps, 'directory_harvest', error) ?? false;
  }
}
