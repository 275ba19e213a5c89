import { Prisma } from '@portcullis/db';
import type { TDb } from '../../db.ts';

// Tables the retention job prunes and the column that dates their rows.
const DATED = {
  Violation: 'time',
  ViolationClientHour: 'hour',
  ViolationHour: 'hour',
  TrafficMinute: 'minute',
  TrafficHour: 'hour',
  IngestedBatch: 'receivedAt',
  Worker: 'lastSeenAt',
} as const;

export type TDatedTable = keyof typeof DATED;

// Small enough that each statement holds its locks and WAL briefly, large enough
// that a month of backlog goes in a few hundred statements.
const ROWS_PER_STATEMENT = 10_000;

/**
 * Deletes a table's rows dated before `cutoff`, a slice per statement, and
 * returns how many went. Each statement commits alone (pass the client, not a
 * transaction), so a large first prune never holds one long transaction.
 */
export async function deleteOlderThan(db: TDb, table: TDatedTable, cutoff: Date): Promise<number> {
  const name = Prisma.raw(`"${table}"`);
  const column = Prisma.raw(`"${DATED[table]}"`);
  let deleted = 0;

  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM ${name} WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM ${name} WHERE ${column} < ${cutoff} LIMIT ${ROWS_PER_STATEMENT}))`;
    deleted += count;
    if (count < ROWS_PER_STATEMENT) return deleted;
  }
}
