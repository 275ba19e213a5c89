import { Prisma } from '@portcullis/db';
import type { TRange } from './resolve-range.ts';

/** `column` falls in any of the ranges: (from <= column < to) OR ... */
export function rangeCondition(column: string, ranges: TRange[]): Prisma.Sql {
  const quoted = Prisma.raw(`"${column}"`);
  const each = ranges.map(
    (range) => Prisma.sql`(${quoted} >= ${range.from} AND ${quoted} < ${range.to})`,
  );

  return Prisma.sql`(${Prisma.join(each, ' OR ')})`;
}
