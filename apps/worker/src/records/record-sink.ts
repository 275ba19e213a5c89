// What the session handlers need of the record shipper: a violation out, traffic added up.
// Without an API (tests, benchmarks) records have nowhere to go; the `violation` log line
// still names each one.
import type { TViolationRecord } from '@portcullis/contracts';
import type { TTrafficDeltas, TTrafficKey } from './traffic-aggregator.ts';

export interface TRecordSink {
  recordViolation(record: TViolationRecord): void;
  addTraffic(key: TTrafficKey, deltas: TTrafficDeltas): void;
}

export const NO_RECORDS: TRecordSink = {
  recordViolation: () => undefined,
  addTraffic: () => undefined,
};
