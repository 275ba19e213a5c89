import type { TSnapshot } from '@portcullis/contracts';
import type { TDb, TPrisma } from '../db.ts';
import { lockConfiguration } from './lock-configuration.ts';
import { storeSnapshot } from './store-snapshot.ts';

export type TConfigChange<T> = (db: TDb) => Promise<T>;

// Interactive transactions default to 5 s; a change plus a full compile on a busy
// database deserves more before it is abandoned.
const CHANGE_TIMEOUT_MS = 15_000;
const LOCK_WAIT_MS = 10_000;

/**
 * Runs one configuration change and stores the snapshot it produces, in a single
 * transaction: either both are committed or neither is, so a failing request
 * changes nothing and leaves the version where it was.
 */
export async function commitConfigChange<T>(
  prisma: TPrisma,
  reason: string,
  change: TConfigChange<T>,
): Promise<{ result: T; snapshot: TSnapshot }> {
  return prisma.$transaction(
    async (tx) => {
      await lockConfiguration(tx);
      const result = await change(tx);
      const snapshot = await storeSnapshot(tx, reason);

      return { result, snapshot };
    },
    { maxWait: LOCK_WAIT_MS, timeout: CHANGE_TIMEOUT_MS },
  );
}
