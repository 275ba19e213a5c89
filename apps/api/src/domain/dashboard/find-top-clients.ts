import type { TDb } from '../../db.ts';
import { clientSource } from '../statistics/client-source.ts';
import type { TRange } from '../statistics/resolve-range.ts';

/** The client addresses with the most violations in a window, most first. */
export async function findTopClients(
  db: TDb,
  range: TRange,
  limit: number,
): Promise<Array<{ clientAddress: string; count: number }>> {
  return db.$queryRaw`
    SELECT host("clientAddress") AS "clientAddress", sum("count")::int AS "count"
    FROM ${clientSource(range)}
    GROUP BY clients."clientAddress"
    ORDER BY 2 DESC, clients."clientAddress"
    LIMIT ${limit}`;
}
