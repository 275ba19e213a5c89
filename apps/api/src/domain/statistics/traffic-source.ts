import { Prisma } from '@portcullis/db';
import type { TRange } from './resolve-range.ts';
import { rangeCondition } from './range-condition.ts';
import { splitRange } from './split-range.ts';

export type TTrafficFilters = { securityProfile?: string; virtualServer?: string };

const COLUMNS = Prisma.raw(`"securityProfile", "virtualServer", "connections", "messages",
  "bytes", "recipients", "alarmed", "blocked"`);

function filterConditions(filters: TTrafficFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.securityProfile !== undefined) {
    conditions.push(Prisma.sql`"securityProfile" = ${filters.securityProfile}`);
  }
  if (filters.virtualServer !== undefined) {
    conditions.push(Prisma.sql`"virtualServer" = ${filters.virtualServer}`);
  }

  return conditions;
}

/**
 * The traffic counters of a range as a derived table (`traffic`): whole hours
 * from TrafficHour, the partial hours at either end from TrafficMinute. Short
 * ranges read only minute rows, long ones almost only hour rows.
 */
export function trafficSource(range: TRange, filters: TTrafficFilters = {}): Prisma.Sql {
  const { hours, edges } = splitRange(range);
  const parts: Prisma.Sql[] = [];
  const where = (condition: Prisma.Sql) =>
    Prisma.join([condition, ...filterConditions(filters)], ' AND ');

  if (edges.length > 0) {
    parts.push(Prisma.sql`SELECT ${COLUMNS} FROM "TrafficMinute"
      WHERE ${where(rangeCondition('minute', edges))}`);
  }
  if (hours) {
    parts.push(Prisma.sql`SELECT ${COLUMNS} FROM "TrafficHour"
      WHERE ${where(rangeCondition('hour', [hours]))}`);
  }

  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')}) AS traffic`;
}
