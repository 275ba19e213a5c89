import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

// Objects reference each other by name (a pool lists the virtual servers using it)
// and every write publishes a new configuration version, so a write refreshes every
// configuration query, not only its own resource's. Inactive queries are refetched
// too, so the screen the user goes back to never shows the state before the write.
const CONFIGURATION_PREFIXES: QueryKey[] = [
  ['virtual-servers'],
  ['pools'],
  ['service-profiles'],
  ['security-profiles'],
  ['profile-assignments'],
  ['antivirus'],
  ['internal-parameters'],
  ['system'],
  ['config'],
  ['workers'],
];

/** Refreshes after a write; a deleted object's own detail query is left alone. */
export async function refreshAfterWrite(
  queryClient: QueryClient,
  deletedKey?: QueryKey,
): Promise<void> {
  const deletedHash = deletedKey ? hashKey(deletedKey) : undefined;

  await Promise.all(
    CONFIGURATION_PREFIXES.map((queryKey) =>
      queryClient.invalidateQueries({
        queryKey,
        refetchType: 'all',
        predicate: (query) => query.queryHash !== deletedHash,
      }),
    ),
  );
}

/** Forgets a deleted object's detail query so nothing refetches it into a 404. */
export function forgetDetail(queryClient: QueryClient, queryKey: QueryKey): void {
  queryClient.removeQueries({ queryKey, exact: true });
}
