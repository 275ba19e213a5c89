/**
 * Rows in one fixed order of their key. Two transactions that upsert the same
 * counter rows then lock them in the same order, so they wait for each other
 * instead of deadlocking.
 */
export function sortByKey<T>(rows: T[], keyOf: (row: T) => string): T[] {
  return rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}
