import type { Violation } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import type { TViolationQuery, TViolationView } from '../../schemas/violation-schemas.ts';
import { toViolationView } from './to-violation-view.ts';
import { violationWhere } from './violation-where.ts';

/**
 * One page of violations, newest first. SQL, because a client filter may be a
 * network, which only Postgres's inet type can test.
 *
 * The page's ids come first, from one of the indexes that end in (time, id)
 * alone, then their rows. Asked for whole rows, Postgres may walk the time index
 * and filter instead, which is fast only while matches are common lately: for a
 * client seen last week it read a third of the table (217 ms at a million rows).
 */
export async function findViolations(
  db: TDb,
  query: TViolationQuery,
): Promise<{ items: TViolationView[]; total: number }> {
  const { page, perPage, ...filters } = query;
  const where = violationWhere(filters);

  const rows = await db.$queryRaw<Violation[]>`
    SELECT v.* FROM (
      SELECT "id" FROM "Violation" ${where}
      ORDER BY "time" DESC, "id" DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    ) AS page
    JOIN "Violation" AS v ON v."id" = page."id"
    ORDER BY v."time" DESC, v."id" DESC`;
  const [counted] = await db.$queryRaw<Array<{ total: number }>>`
    SELECT count(*)::int AS "total" FROM "Violation" ${where}`;

  return { items: rows.map(toViolationView), total: counted?.total ?? 0 };
}
