import type { TListQuery } from '@portcullis/contracts';

/** Prisma arguments for one page of a list filtered by `q` (name contains). */
export function pageArgs(query: TListQuery) {
  const where = query.q ? { name: { contains: query.q, mode: 'insensitive' as const } } : {};

  return {
    where,
    skip: (query.page - 1) * query.perPage,
    take: query.perPage,
    orderBy: { name: 'asc' as const },
  };
}
