import type { TAuditEntry, TAuditPage, TAuditQuery } from '@portcullis/contracts';
import type { Prisma } from '@portcullis/db';
import type { TDb } from '../../db.ts';

type TAuditRow = Prisma.AuditEntryGetPayload<object>;

function toAuditEntryView(row: TAuditRow): TAuditEntry {
  return {
    id: row.id.toString(),
    time: row.time.toISOString(),
    actor: row.actor,
    address: row.address,
    action: row.action,
    objectType: row.objectType,
    objectName: row.objectName,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

function toWhere(query: TAuditQuery): Prisma.AuditEntryWhereInput {
  const time: Prisma.DateTimeFilter = {};
  if (query.from) time.gte = new Date(query.from);
  if (query.to) time.lt = new Date(query.to);

  return {
    // Token actors read "alice (token deploy)": a prefix match finds both forms.
    ...(query.actor ? { actor: { startsWith: query.actor } } : {}),
    ...(query.objectType ? { objectType: query.objectType } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.from || query.to ? { time } : {}),
    ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}),
  };
}

/** A page of the audit log, newest first; `nextCursor` continues after its last entry. */
export async function findAuditEntries(db: TDb, query: TAuditQuery): Promise<TAuditPage> {
  const rows = await db.auditEntry.findMany({
    where: toWhere(query),
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;

  return {
    items: page.map(toAuditEntryView),
    nextCursor: hasMore ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
