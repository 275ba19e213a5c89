import type { TDb } from '../../db.ts';

export type TBatchKind = 'violations' | 'traffic';

/**
 * Records a batch id as ingested; false when it already was. Run it in the
 * batch's transaction: the id then commits with the records or not at all. Two
 * deliveries racing each other serialise on the id's primary key, and the second
 * finds it taken once the first commits.
 */
export async function claimBatch(db: TDb, kind: TBatchKind, batchId: string): Promise<boolean> {
  const { count } = await db.ingestedBatch.createMany({
    data: [{ id: `${kind}:${batchId}`, kind }],
    skipDuplicates: true,
  });

  return count === 1;
}
