import type { TTrafficRow } from './sum-traffic-records.ts';

export type TTrafficHourRow = Omit<TTrafficRow, 'minute'> & { hour: Date };

const HOUR_MS = 60 * 60 * 1000;
const COUNTERS = ['connections', 'messages', 'bytes', 'recipients', 'alarmed', 'blocked'] as const;

/** A batch's minute rows added up per hour, for the hourly rollup. */
export function sumTrafficHours(rows: TTrafficRow[]): TTrafficHourRow[] {
  const hours = new Map<string, TTrafficHourRow>();

  for (const { minute, ...row } of rows) {
    const hour = new Date(Math.floor(minute.getTime() / HOUR_MS) * HOUR_MS);
    const key = `${hour.getTime()}\n${row.securityProfile}\n${row.virtualServer}`;
    const sum = hours.get(key);
    if (!sum) {
      hours.set(key, { ...row, hour });
      continue;
    }

    for (const counter of COUNTERS) sum[counter] += row[counter];
  }

  return [...hours.values()];
}
