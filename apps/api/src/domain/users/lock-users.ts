import type { TDb } from '../../db.ts';

// Any constant distinct from the configuration lock's; it serialises changes of
// users so two requests cannot each remove "the other" last administrator.
const USERS_LOCK_KEY = 7_000_001;

/** Takes the users lock until the surrounding transaction ends. */
export async function lockUsers(db: TDb): Promise<void> {
  await db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${USERS_LOCK_KEY})`);
}
