import type { TRange } from './resolve-range.ts';

export const HOUR_MS = 60 * 60 * 1000;

export type TSplitRange = {
  // The whole hours inside the range, read from the hourly rollups.
  hours: TRange | undefined;
  // What is left at either end, read from the detailed rows: at most two pieces
  // shorter than an hour each.
  edges: TRange[];
};

const floorHour = (time: number) => Math.floor(time / HOUR_MS) * HOUR_MS;
const ceilHour = (time: number) => Math.ceil(time / HOUR_MS) * HOUR_MS;

/**
 * Splits a range where the hourly rollups can answer for it, so a week costs 168
 * rollup rows plus two partial hours, and the counts stay exact to the row.
 */
export function splitRange(range: TRange): TSplitRange {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const firstHour = ceilHour(from);
  const lastHour = floorHour(to);
  if (firstHour >= lastHour) return { hours: undefined, edges: [range] };

  const edges: TRange[] = [];
  if (from < firstHour) edges.push({ from: range.from, to: new Date(firstHour) });
  if (lastHour < to) edges.push({ from: new Date(lastHour), to: range.to });

  return { hours: { from: new Date(firstHour), to: new Date(lastHour) }, edges };
}
