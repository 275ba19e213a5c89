import type { TTrafficRecord } from '@portcullis/contracts';
import { AppError } from '../../errors/app-error.ts';

export type TTrafficRow = {
  minute: Date;
  securityProfile: string;
  virtualServer: string;
  connections: number;
  messages: number;
  bytes: number;
  recipients: number;
  alarmed: number;
  blocked: number;
};

const COUNTERS = ['connections', 'messages', 'recipients', 'alarmed', 'blocked'] as const;
// The per-minute counters are 32-bit columns; bytes is 64-bit.
const INT_MAX = 2_147_483_647;
const MINUTE_MS = 60_000;

function assertCountable(record: TTrafficRecord, index: number): void {
  for (const counter of COUNTERS) {
    if (record[counter] > INT_MAX) {
      throw new AppError('VALIDATION_FAILED', `records.${index}.${counter} is too large`, {
        field: `records.${index}.${counter}`,
      });
    }
  }
  if (!Number.isSafeInteger(record.bytes)) {
    throw new AppError('VALIDATION_FAILED', `records.${index}.bytes is too large`, {
      field: `records.${index}.bytes`,
    });
  }
}

/**
 * One row per minute, security profile and virtual server: records are put on
 * their minute and those of the same row added up, so the batch can be written
 * with one upsert (which may touch each row once).
 */
export function sumTrafficRecords(records: TTrafficRecord[]): TTrafficRow[] {
  const rows = new Map<string, TTrafficRow>();

  for (const [index, record] of records.entries()) {
    assertCountable(record, index);
    const minute = new Date(Math.floor(Date.parse(record.minute) / MINUTE_MS) * MINUTE_MS);
    const key = `${minute.getTime()}\n${record.securityProfile}\n${record.virtualServer}`;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, { ...record, minute });
      continue;
    }

    for (const counter of COUNTERS) row[counter] += record[counter];
    row.bytes += record.bytes;
  }

  return [...rows.values()];
}
