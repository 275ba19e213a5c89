import { AppError } from '../../errors/app-error.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type TRange = { from: Date; to: Date };

/** The range statistics cover: the last 24 hours unless told otherwise. */
export function resolveRange(
  query: { from?: string; to?: string },
  now = new Date(),
): TRange {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'from must be earlier than to', { field: 'from' });
  }

  return { from, to };
}

export const SERIES_RANGE_LIMIT_MS = DAY_MS;
