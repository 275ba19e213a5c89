import type { TDb } from '../db.ts';
import { CONFIG_LOCK_KEY } from './channel.ts';

/** Takes the configuration lock until the surrounding transaction ends. */
export async function lockConfiguration(db: TDb): Promise<void> {
  await db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CONFIG_LOCK_KEY})`);
}
