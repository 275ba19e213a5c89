import { VIOLATIONS } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import type { TViolationStatistics } from '../../schemas/statistics-schemas.ts';
import type { TRange } from './resolve-range.ts';

function labelOf(violation: string): string {
  return violation in VIOLATIONS
    ? VIOLATIONS[violation as keyof typeof VIOLATIONS].label
    : violation;
}

/** Violations in a range counted by protocol and by violation, largest first (SQL GROUP BY). */
export async function countViolations(db: TDb, range: TRange): Promise<TViolationStatistics> {
  const where = { time: { gte: range.from, lt: range.to } };
  const byProtocol = await db.violation.groupBy({
    by: ['protocol'],
    where,
    _count: { _all: true },
    orderBy: [{ _count: { protocol: 'desc' } }, { protocol: 'asc' }],
  });
  const byViolation = await db.violation.groupBy({
    by: ['violation'],
    where,
    _count: { _all: true },
    orderBy: [{ _count: { violation: 'desc' } }, { violation: 'asc' }],
  });

  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    total: byProtocol.reduce((sum, group) => sum + group._count._all, 0),
    byProtocol: byProtocol
      .map((group) => ({ protocol: group.protocol, count: group._count._all })),
    byViolation: byViolation
      .map((group) => ({
        violation: group.violation,
        label: labelOf(group.violation),
        count: group._count._all,
      })),
  };
}
