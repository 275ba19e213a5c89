// Traffic counters add up in memory per minute, security profile and virtual server, and
// leave as one record per such row: a busy worker sends a handful of records a minute, not
// one per message. A minute is handed over once it is complete (and everything on stop).
// What a crash catches in memory (at most the current minute) is lost.
import type { TTrafficRecord } from '@portcullis/contracts';

export interface TTrafficKey {
  /** "(none)" when Protocol Security is off. */
  securityProfile: string;
  virtualServer: string;
  /** When it happened (ms or Date); now by default. */
  time?: number | Date;
}

export type TTrafficCounter = Exclude<
  keyof TTrafficRecord,
  'minute' | 'securityProfile' | 'virtualServer'
>;
export type TTrafficDeltas = Partial<Record<TTrafficCounter, number>>;

const COUNTERS: TTrafficCounter[] = [
  'connections',
  'messages',
  'bytes',
  'recipients',
  'alarmed',
  'blocked',
];
const MINUTE_MS = 60_000;

export class TrafficAggregator {
  private readonly rows = new Map<string, TTrafficRecord & { minuteMs: number }>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  add(key: TTrafficKey, deltas: TTrafficDeltas): void {
    const time = key.time === undefined ? this.now() : Number(key.time);
    const minuteMs = Math.floor(time / MINUTE_MS) * MINUTE_MS;
    const id = `${minuteMs}\n${key.securityProfile}\n${key.virtualServer}`;
    const row = this.rows.get(id) ?? this.createRow(id, minuteMs, key);

    for (const counter of COUNTERS) {
      const delta = deltas[counter] ?? 0;
      // Counters only grow; a negative or fractional delta is a caller bug, not traffic.
      if (Number.isFinite(delta) && delta > 0) row[counter] += Math.floor(delta);
    }
  }

  /** Removes and returns the rows of complete minutes, or of all minutes. */
  take(options: { isAll: boolean }): TTrafficRecord[] {
    const currentMinuteMs = Math.floor(this.now() / MINUTE_MS) * MINUTE_MS;
    const taken: TTrafficRecord[] = [];

    for (const [id, { minuteMs, ...record }] of this.rows) {
      if (!options.isAll && minuteMs >= currentMinuteMs) continue;

      this.rows.delete(id);
      if (COUNTERS.some((counter) => record[counter] > 0)) taken.push(record);
    }

    return taken;
  }

  private createRow(id: string, minuteMs: number, key: TTrafficKey) {
    const row = {
      minuteMs,
      minute: new Date(minuteMs).toISOString(),
      securityProfile: key.securityProfile,
      virtualServer: key.virtualServer,
      connections: 0,
      messages: 0,
      bytes: 0,
      recipients: 0,
      alarmed: 0,
      blocked: 0,
    };
    this.rows.set(id, row);

    return row;
  }
}
