import { Prisma } from '@portcullis/db';
import type { TRange } from './resolve-range.ts';
import { rangeCondition } from './range-condition.ts';
import { splitRange } from './split-range.ts';

const COLUMNS = Prisma.raw(`"protocol", "violation", "virtualServer", "securityProfile",
  "serviceProfile"`);

/**
 * The violations of a range as a derived table (`violations`) of counts by
 * protocol, violation, virtual server and profiles: whole hours from the
 * ViolationHour rollup, the partial hours at either end from the violations
 * themselves (one row each, through the time index). Exact to the row.
 */
export function violationSource(range: TRange): Prisma.Sql {
  const { hours, edges } = splitRange(range);
  const parts: Prisma.Sql[] = [];

  if (edges.length > 0) {
    parts.push(Prisma.sql`SELECT ${COLUMNS}, 1 AS "count" FROM "Violation"
      WHERE ${rangeCondition('time', edges)}`);
  }
  if (hours) {
    parts.push(Prisma.sql`SELECT ${COLUMNS}, "count" FROM "ViolationHour"
      WHERE ${rangeCondition('hour', [hours])}`);
  }

  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')}) AS violations`;
}
