import type { TDb } from '../db.ts';

/** The newest snapshot version, 0 when none is stored yet. */
export async function getLatestVersion(db: TDb): Promise<number> {
  const newest = await db.configSnapshot.aggregate({ _max: { version: true } });

  return newest._max.version ?? 0;
}
