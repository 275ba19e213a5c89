import { sortByKey } from './sort-by-key.ts';

export type TStoredViolation = {
  time: Date;
  protocol: string;
  violation: string;
  virtualServer: string;
  securityProfile: string;
  serviceProfile: string;
  clientAddress: string;
};

export type TViolationHourRow = Omit<TStoredViolation, 'time' | 'clientAddress'> & {
  hour: Date;
  count: number;
};

export type TViolationClientHourRow = { hour: Date; clientAddress: string; count: number };

const HOUR_MS = 60 * 60 * 1000;

function countBy<T extends { count: number }>(
  rows: TStoredViolation[],
  keyOf: (row: TStoredViolation, hour: Date) => string,
  create: (row: TStoredViolation, hour: Date) => T,
): T[] {
  const counts = new Map<string, T>();
  for (const row of rows) {
    const hour = new Date(Math.floor(row.time.getTime() / HOUR_MS) * HOUR_MS);
    const key = keyOf(row, hour);
    const counted = counts.get(key);
    if (counted) counted.count += 1;
    else counts.set(key, create(row, hour));
  }

  return sortByKey([...counts.entries()], ([key]) => key).map(([, counted]) => counted);
}

/**
 * The stored violations of a batch counted per hour: once by what the dashboard
 * groups them by (protocol, violation, virtual server and profiles), once by
 * client address. Each list comes in key order (see sortByKey).
 */
export function countViolationHours(rows: TStoredViolation[]) {
  const hours = countBy<TViolationHourRow>(
    rows,
    (row, hour) =>
      [hour.toISOString(), row.protocol, row.violation, row.virtualServer,
        row.securityProfile, row.serviceProfile].join('\n'),
    ({ time: _time, clientAddress: _client, ...row }, hour) => ({ ...row, hour, count: 1 }),
  );
  const clients = countBy<TViolationClientHourRow>(
    rows,
    (row, hour) => `${hour.toISOString()}\n${row.clientAddress}`,
    (row, hour) => ({ hour, clientAddress: row.clientAddress, count: 1 }),
  );

  return { hours, clients };
}
