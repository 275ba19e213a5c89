import type { TSnapshot } from '@portcullis/contracts';
import type { Prisma } from '@portcullis/db';
import type { TDb } from '../db.ts';
import { SNAPSHOT_CHANNEL } from './channel.ts';
import { compileSnapshot } from './compile-snapshot.ts';
import { getLatestVersion } from './get-latest-version.ts';

/**
 * Compiles the configuration as `db` sees it and stores it under the next version.
 * Call it while holding the configuration lock, inside the change's transaction:
 * the snapshot then commits or rolls back with the change, versions have no gaps,
 * and the NOTIFY is only delivered to other API processes on commit.
 */
export async function storeSnapshot(db: TDb, reason: string): Promise<TSnapshot> {
  const version = (await getLatestVersion(db)) + 1;
  const snapshot = await compileSnapshot(db, version, new Date());

  await db.configSnapshot.create({
    data: {
      version,
      createdAt: new Date(snapshot.createdAt),
      reason,
      snapshot: snapshot as unknown as Prisma.InputJsonObject,
    },
  });
  await db.$executeRaw`SELECT pg_notify(${SNAPSHOT_CHANNEL}, ${String(version)})`;

  return snapshot;
}
