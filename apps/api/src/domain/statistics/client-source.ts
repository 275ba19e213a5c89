import { Prisma } from '@portcullis/db';
import type { TRange } from './resolve-range.ts';
import { rangeCondition } from './range-condition.ts';
import { splitRange } from './split-range.ts';

/**
 * Violation counts per client address over a range as a derived table
 * (`clients`), each part already grouped: whole hours from the
 * ViolationClientHour rollup, the partial hours at either end from the
 * violations. Grouping each part first lets Postgres estimate and hash them.
 */
export function clientSource(range: TRange): Prisma.Sql {
  const { hours, edges } = splitRange(range);
  const parts: Prisma.Sql[] = [];

  if (edges.length > 0) {
    parts.push(Prisma.sql`SELECT "clientAddress", count(*) AS "count" FROM "Violation"
      WHERE ${rangeCondition('time', edges)} GROUP BY 1`);
  }
  if (hours) {
    parts.push(Prisma.sql`SELECT "clientAddress", sum("count") AS "count"
      FROM "ViolationClientHour" WHERE ${rangeCondition('hour', [hours])} GROUP BY 1`);
  }

  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')}) AS clients`;
}
