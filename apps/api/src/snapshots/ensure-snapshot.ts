import type { TSnapshot } from '@portcullis/contracts';
import type { TPrisma } from '../db.ts';
import { getLatestSnapshot } from './get-latest-snapshot.ts';
import { lockConfiguration } from './lock-configuration.ts';
import { storeSnapshot } from './store-snapshot.ts';

/**
 * Makes sure a snapshot exists (version 1 on a fresh database) so workers always
 * have something to pull. Under the configuration lock, so two API processes
 * starting together create one, not two.
 */
export async function ensureSnapshot(prisma: TPrisma): Promise<TSnapshot> {
  return prisma.$transaction(async (tx) => {
    await lockConfiguration(tx);
    const count = await tx.configSnapshot.count();
    if (count === 0) return storeSnapshot(tx, 'initial configuration');

    return getLatestSnapshot(tx);
  });
}
