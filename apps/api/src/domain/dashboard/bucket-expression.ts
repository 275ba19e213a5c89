import { Prisma } from '@portcullis/db';

/**
 * The start of the bucket a timestamp column falls in: buckets of `bucketMs`
 * counted from the Unix epoch, so they are aligned to UTC as the window is.
 */
export function bucketExpression(column: string, bucketMs: number): Prisma.Sql {
  const width = `${bucketMs / 1000} seconds`;

  return Prisma.sql`date_bin(${width}::interval, ${Prisma.raw(`"${column}"`)},
    TIMESTAMP '1970-01-01')`;
}
